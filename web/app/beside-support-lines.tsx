import type { ReactNode } from 'react';
import { SupportBox, type SupportBoxProps } from '../features/support-lines/components/support-box.tsx';

interface BesideSupportLinesProps {
  lines: SupportBoxProps['lines'];
  /** Under the support lines, e.g. a link to check an earlier request. */
  note?: ReactNode;
  children: ReactNode;
}

/**
 * A form with the program's support lines beside it (below it on a phone): whoever is asking for
 * help, checking a request or answering outreach always has the crisis numbers in view.
 */
export function BesideSupportLines({ lines, note, children }: BesideSupportLinesProps) {
  return (
    <div className="request-layout">
      <div className="request-layout__main">{children}</div>
      <aside className="request-layout__support" aria-label="Support lines">
        <SupportBox lines={lines} />
        {note && <p className="request-layout__note">{note}</p>}
      </aside>
    </div>
  );
}
