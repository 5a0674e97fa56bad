import type { ScheduleSegment } from '../api/on-call.ts';
import { addLocalDays, dayLabel, fullName, localDayOf, timeLabel } from '../../../lib/zoned-time.ts';

const SOURCE_LABELS: Record<ScheduleSegment['source'], string> = { rotation: 'Rotation', shift: 'Shift', override: 'Override' };

/**
 * The calendar as a list of days, each with its stretches: readable by a screen reader in order and
 * on a 375 px phone without sideways scrolling. A stretch over midnight shows on each day it covers.
 */
export function ScheduleDays({
  segments,
  from,
  days,
  timeZone,
  myId,
}: {
  segments: ScheduleSegment[];
  from: Date;
  days: number;
  timeZone: string;
  myId?: string | undefined;
}) {
  const rows = Array.from({ length: days }, (_, i) => {
    const start = addLocalDays(from, i, timeZone);
    const end = addLocalDays(from, i + 1, timeZone);
    const parts = segments
      .filter((s) => Date.parse(s.startsAt) < end.getTime() && Date.parse(s.endsAt) > start.getTime())
      .map((s) => ({
        segment: s,
        startsAt: new Date(Math.max(Date.parse(s.startsAt), start.getTime())).toISOString(),
        endsAt: new Date(Math.min(Date.parse(s.endsAt), end.getTime())).toISOString(),
        toMidnight: Date.parse(s.endsAt) >= end.getTime(),
      }));
    return { day: localDayOf(start, timeZone), label: dayLabel(start.toISOString(), timeZone), parts };
  });
  return (
    <ol className="on-call-days" aria-label="On-call calendar">
      {rows.map((row) => (
        <li key={row.day} className="on-call-day">
          <h3 className="on-call-day__label">{row.label}</h3>
          {row.parts.length === 0 ? (
            <p className="muted on-call-day__empty">Nobody on call</p>
          ) : (
            <ul className="on-call-day__stretches">
              {row.parts.map((p) => (
                <li
                  key={`${p.segment.startsAt}-${p.segment.person.id}-${p.startsAt}`}
                  className={p.segment.person.id === myId ? 'on-call-stretch on-call-stretch--mine' : 'on-call-stretch'}
                >
                  <span className="on-call-stretch__time">
                    {timeLabel(p.startsAt, timeZone)}–{p.toMidnight ? '24:00' : timeLabel(p.endsAt, timeZone)}
                  </span>
                  <span className="on-call-stretch__who">{fullName(p.segment.person)}</span>
                  <span className="tag tag--muted">{SOURCE_LABELS[p.segment.source]}</span>
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
