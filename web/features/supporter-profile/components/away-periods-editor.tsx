import type { z } from 'zod';
import type { AwayPeriodSchema } from '../../../../shared/schemas/supporter.ts';
import { Button } from '../../../components/ui/button.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { formatDay } from './vocabulary.ts';

export type AwayPeriod = z.infer<typeof AwayPeriodSchema>;

export interface EditablePeriod extends AwayPeriod {
  key: number;
}

let nextKey = 1;
export const toEditablePeriod = (period: AwayPeriod): EditablePeriod => ({ ...period, key: nextKey++ });

export function periodProblem(period: AwayPeriod): string | undefined {
  if (!period.from || !period.to) return 'Enter both days';
  if (period.to < period.from) return 'The last day must not be before the first';
  return undefined;
}

export interface AwayPeriodsEditorProps {
  periods: EditablePeriod[];
  onChange: (periods: EditablePeriod[]) => void;
  /** Today in the organisation's time zone, as YYYY-MM-DD: where a new period starts. */
  today: string;
  errors: Record<string, string>;
}

/** Holidays, leave, exam weeks: no offers from the first to the last day, both included. */
export function AwayPeriodsEditor({ periods, onChange, today, errors }: AwayPeriodsEditorProps) {
  const patch = (key: number, change: Partial<AwayPeriod>) => onChange(periods.map((p) => (p.key === key ? { ...p, ...change } : p)));
  return (
    <div className="profile-rows">
      {periods.length === 0 ? (
        <p className="muted profile-rows__empty">No away periods.</p>
      ) : (
        <ol className="profile-rows__list">
          {periods.map((period, index) => {
            const name = `Away period ${index + 1}`;
            const problem = periodProblem(period);
            const past = !problem && period.to < today;
            const at = (field: string) => errors[`awayPeriods.${index}.${field}`];
            return (
              <li key={period.key} className="profile-row">
                <div role="group" aria-label={name} className="profile-row__fields">
                  <TextField
                    label="First day"
                    type="date"
                    value={period.from}
                    onChange={(from) => patch(period.key, { from })}
                    isRequired
                    errorMessage={at('from')}
                  />
                  <TextField
                    label="Last day"
                    type="date"
                    value={period.to}
                    onChange={(to) => patch(period.key, { to })}
                    isRequired
                    errorMessage={problem ?? at('to')}
                  />
                  <Button
                    variant="quiet"
                    className="profile-row__remove"
                    onPress={() => onChange(periods.filter((p) => p.key !== period.key))}
                    aria-label={`Remove ${name}${problem ? '' : `: ${formatDay(period.from)} to ${formatDay(period.to)}`}`}
                  >
                    Remove
                  </Button>
                </div>
                {past && <p className="muted profile-row__note">This period is over; you can remove it.</p>}
              </li>
            );
          })}
        </ol>
      )}
      <Button onPress={() => onChange([...periods, toEditablePeriod({ from: today, to: today })])} className="profile-rows__add">
        Add an away period
      </Button>
    </div>
  );
}
