import { Button } from './button.tsx';

const count = new Intl.NumberFormat('en-US');

export interface PagerProps {
  offset: number;
  limit: number;
  total: number;
  onOffsetChange: (offset: number) => void;
  /** What is being counted, e.g. "people". */
  noun: string;
}

/** "21–40 of 135 people" with previous/next buttons. */
export function Pager({ offset, limit, total, onOffsetChange, noun }: PagerProps) {
  const first = total === 0 ? 0 : offset + 1;
  const last = Math.min(offset + limit, total);
  return (
    <nav className="pager" aria-label={`Pages of ${noun}`}>
      <p className="pager__status" aria-live="polite">
        {total === 0 ? `No ${noun}` : `${count.format(first)}–${count.format(last)} of ${count.format(total)} ${noun}`}
      </p>
      <div className="pager__buttons">
        <Button isDisabled={offset === 0} onPress={() => onOffsetChange(Math.max(0, offset - limit))}>
          Previous
        </Button>
        <Button isDisabled={offset + limit >= total} onPress={() => onOffsetChange(offset + limit)}>
          Next
        </Button>
      </div>
    </nav>
  );
}
