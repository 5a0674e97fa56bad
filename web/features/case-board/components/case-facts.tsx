import type { BoardEntry } from '../api/case-board.ts';
import { describeClock } from './vocabulary.ts';

/** The first-contact clock; when late it says "Overdue" in words, with a mark, in red. */
export function ClockCell({ entry, now }: { entry: BoardEntry; now: Date }) {
  const clock = describeClock(entry, now);
  return clock.late ? (
    <span className="clock clock--late">
      <span aria-hidden="true">⚠ </span>
      {clock.text}
    </span>
  ) : (
    <span className="clock">{clock.text}</span>
  );
}

export function RelaxedTag() {
  return (
    <span className="tag tag--warning" title="Nobody met every matching rule, so some were relaxed">
      Rules relaxed
    </span>
  );
}
