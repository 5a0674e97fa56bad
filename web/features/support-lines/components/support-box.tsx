import './support-lines.css';
import type { SupportLine } from '../../../../shared/schemas/organization.ts';
import { SupportLineCard } from './support-line-card.tsx';

/** Used while the lines load or if the server cannot be reached: help must never depend on the API. */
const FALLBACK_PSL = { name: 'Physician Support Line', phone: '1-888-409-0141' };

export interface SupportBoxProps {
  /** Undefined while loading or when loading failed: the fallback number is shown instead. */
  lines: readonly SupportLine[] | undefined;
}

/** "Need to talk to someone now?": every support line in the order the program set. */
export function SupportBox({ lines }: SupportBoxProps) {
  const sorted = [...(lines ?? [])].sort((a, b) => a.sortOrder - b.sortOrder);
  const hasCrisisLine = sorted.some((line) => line.kind === 'crisis_line');
  return (
    <section className="support-box" aria-labelledby="support-box-title">
      <h2 id="support-box-title" className="support-box__title">
        Need to talk to someone now?
      </h2>
      {sorted.length > 0 ? (
        <ul className="support-box__lines">
          {sorted.map((line) => (
            <SupportLineCard key={line.id} line={line} />
          ))}
        </ul>
      ) : (
        <p className="support-box__fallback">
          {FALLBACK_PSL.name}: <a href="tel:18884090141">{FALLBACK_PSL.phone}</a>, free and confidential, for physicians and medical
          students.
        </p>
      )}
      {!hasCrisisLine && (
        <p className="support-box__crisis">
          If you are in crisis, call or text <a href="tel:988">988</a> (Suicide &amp; Crisis Lifeline), any time.
        </p>
      )}
    </section>
  );
}
