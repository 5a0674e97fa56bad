import type { z } from 'zod';
import type { WeeklyWindowSchema } from '../../../../shared/schemas/supporter.ts';
import { Button } from '../../../components/ui/button.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { dayName, formatTime } from '../../../lib/support-hours.ts';
import { DAY_OPTIONS } from './vocabulary.ts';

export type WeeklyWindow = z.infer<typeof WeeklyWindowSchema>;

/** A window being edited; `key` only keeps React's list stable while rows are added and removed. */
export interface EditableWindow extends WeeklyWindow {
  key: number;
}

let nextKey = 1;
export const toEditableWindow = (window: WeeklyWindow): EditableWindow => ({ ...window, key: nextKey++ });

/** The problem with one row, if any, before anything is sent. */
export function windowProblem(window: WeeklyWindow): string | undefined {
  if (!window.start || !window.end) return 'Enter both times';
  if (window.end <= window.start) return 'End must be after start';
  return undefined;
}

export interface WeeklyAvailabilityEditorProps {
  windows: EditableWindow[];
  onChange: (windows: EditableWindow[]) => void;
  /** Server messages by path, e.g. `weeklyAvailability.1.end`. */
  errors: Record<string, string>;
}

/** When offers may be made: one row per window (a day, from, until), in the organisation's time zone. */
export function WeeklyAvailabilityEditor({ windows, onChange, errors }: WeeklyAvailabilityEditorProps) {
  const patch = (key: number, change: Partial<WeeklyWindow>) => onChange(windows.map((w) => (w.key === key ? { ...w, ...change } : w)));
  const last = windows[windows.length - 1];
  const addWindow = () =>
    onChange([
      ...windows,
      // The day after the last row, so filling in a working week is quick.
      toEditableWindow(last ? { day: (last.day + 1) % 7, start: last.start, end: last.end } : { day: 1, start: '09:00', end: '17:00' }),
    ]);
  return (
    <div className="profile-rows">
      {windows.length === 0 ? (
        <p className="muted profile-rows__empty">No weekly windows: offers can come at any time, unless you are away or paused.</p>
      ) : (
        <ol className="profile-rows__list">
          {windows.map((window, index) => {
            const name = `Window ${index + 1}`;
            const problem = windowProblem(window);
            const at = (field: string) => errors[`weeklyAvailability.${index}.${field}`];
            return (
              <li key={window.key} className="profile-row">
                <div role="group" aria-label={name} className="profile-row__fields">
                  <SelectField
                    label="Day"
                    options={DAY_OPTIONS}
                    value={String(window.day)}
                    onChange={(day) => day !== null && patch(window.key, { day: Number(day) })}
                    errorMessage={at('day')}
                    className="profile-row__day"
                  />
                  <TextField
                    label="From"
                    type="time"
                    value={window.start}
                    onChange={(start) => patch(window.key, { start })}
                    isRequired
                    errorMessage={at('start')}
                  />
                  <TextField
                    label="Until"
                    type="time"
                    value={window.end}
                    onChange={(end) => patch(window.key, { end })}
                    isRequired
                    errorMessage={problem ?? at('end')}
                  />
                  <Button
                    variant="quiet"
                    className="profile-row__remove"
                    onPress={() => onChange(windows.filter((w) => w.key !== window.key))}
                    aria-label={`Remove ${name}: ${dayName(window.day)}${problem ? '' : `, ${formatTime(window.start)} to ${formatTime(window.end)}`}`}
                  >
                    Remove
                  </Button>
                </div>
              </li>
            );
          })}
        </ol>
      )}
      <Button onPress={addWindow} className="profile-rows__add">
        Add a weekly window
      </Button>
    </div>
  );
}
