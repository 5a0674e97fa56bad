import './settings.css';
import { CheckboxGroup, Label } from 'react-aria-components';
import type { HoursWindow } from '../../../../shared/schemas/organization.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Checkbox } from '../../../components/ui/checkbox.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { dayName, describeHours } from '../../../lib/support-hours.ts';

/** A window being edited; `key` only keeps React's list stable while windows are added and removed. */
export interface EditableWindow extends HoursWindow {
  key: number;
}

let nextKey = 1;
export const toEditable = (window: HoursWindow): EditableWindow => ({ ...window, key: nextKey++ });
// Monday-first, as staff rotas are written; values stay 0 = Sunday as the API wants.
const WEEK = [1, 2, 3, 4, 5, 6, 0];

/** A native time input cannot show 24:00; midnight as a closing time is the same moment. */
const forInput = (hhmm: string) => (hhmm === '24:00' ? '00:00' : hhmm);
/** Closing at 00:00 means "until midnight", which the API spells 24:00 (00:00–24:00 is the whole day). */
export const closesForApi = (closes: string) => (closes === '00:00' ? '24:00' : closes);

export interface HoursEditorProps {
  lineName: string;
  windows: EditableWindow[];
  onChange: (windows: EditableWindow[]) => void;
}

/** Opening hours as a list of windows: which days, from when, until when (may run past midnight). */
export function HoursEditor({ lineName, windows, onChange }: HoursEditorProps) {
  const patch = (key: number, change: Partial<HoursWindow>) => onChange(windows.map((w) => (w.key === key ? { ...w, ...change } : w)));
  const complete = windows.filter((w) => w.days.length > 0 && w.opens && w.closes);
  return (
    <fieldset className="hours-editor">
      <legend>Opening hours</legend>
      {windows.length === 0 && <p className="muted">No windows: the line is shown as open around the clock.</p>}
      <ol className="hours-editor__list">
        {windows.map((window, index) => (
          <li key={window.key} className="hours-window">
            <CheckboxGroup
              className="hours-window__days"
              value={window.days.map(String)}
              onChange={(days) => patch(window.key, { days: days.map(Number).sort((a, b) => a - b) })}
              isInvalid={window.days.length === 0}
            >
              <Label className="field__label">Window {index + 1}: days</Label>
              <div className="hours-window__day-boxes">
                {WEEK.map((day) => (
                  <Checkbox key={day} value={String(day)} aria-label={dayName(day)}>
                    {dayName(day).slice(0, 3)}
                  </Checkbox>
                ))}
              </div>
              {window.days.length === 0 && <p className="field__error">Choose at least one day.</p>}
            </CheckboxGroup>
            <div className="hours-window__times">
              <TextField label="Opens" type="time" value={window.opens} onChange={(opens) => patch(window.key, { opens })} isRequired />
              <TextField
                label="Closes"
                type="time"
                value={forInput(window.closes)}
                onChange={(closes) => patch(window.key, { closes })}
                isRequired
                description="Earlier than opening = the next day."
              />
              <Button
                variant="quiet"
                onPress={() => onChange(windows.filter((w) => w.key !== window.key))}
                aria-label={`Remove window ${index + 1} of ${lineName}`}
              >
                Remove
              </Button>
            </div>
          </li>
        ))}
      </ol>
      <Button onPress={() => onChange([...windows, toEditable({ days: [1, 2, 3, 4, 5], opens: '08:00', closes: '17:00' })])}>
        Add a window
      </Button>
      <p className="hours-editor__preview">
        <span className="muted">Shown as: </span>
        {describeHours(complete.map((w) => ({ ...w, closes: closesForApi(w.closes) }))).join('; ')}
      </p>
    </fieldset>
  );
}
