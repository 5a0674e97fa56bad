import type { SupportLine } from '../../../../shared/schemas/organization.ts';
import { describeHours, telHref, timeZoneName } from '../../../lib/support-hours.ts';
import { OpenNowBadge } from './open-now-badge.tsx';

/** One line: name, a tap-to-call number, hours in the line's time zone, and whether it is open. */
export function SupportLineCard({ line }: { line: SupportLine }) {
  const hours = describeHours(line.hours);
  return (
    <li className="support-line">
      <div className="support-line__head">
        <h3 className="support-line__name">{line.name}</h3>
        <OpenNowBadge hours={line.hours} timeZone={line.timeZone} />
      </div>
      <a className="support-line__phone" href={telHref(line.phone)}>
        {line.phone}
      </a>
      {line.description && <p className="support-line__description">{line.description}</p>}
      <ul className="support-line__hours" aria-label={`${line.name} hours`}>
        {hours.map((text) => (
          <li key={text}>{text}</li>
        ))}
      </ul>
      {line.hours.length > 0 && <p className="support-line__zone">Times are {timeZoneName(line.timeZone)}.</p>}
    </li>
  );
}
