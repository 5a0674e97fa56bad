import { Link, useLocation, useParams } from 'react-router';
import { Notice } from '../../components/ui/notice.tsx';
import { PageTitle } from '../../components/ui/page-title.tsx';
import { LoadError, Loading } from '../../components/ui/query-status.tsx';
import { REASON_LABELS } from '../../lib/case-vocabulary.ts';
import { useCaseBoard } from './api/case-board.ts';
import { AuditLog } from './components/audit-log.tsx';
import { CaseBoard } from './components/case-board.tsx';
import { CaseDetail } from './components/case-detail.tsx';

/**
 * The pages of this feature. The router puts each behind the action the server requires
 * (`cases.manage` for the board, `audit.read` for the audit log).
 */
export function CaseBoardPage() {
  return (
    <div className="stack">
      <PageTitle title="Case board" />
      <p className="lead">
        Every open request: how long it has waited, who holds it and whether first contact is on time. Who asked stays hidden.
      </p>
      <CaseBoard />
    </div>
  );
}

export function CaseBoardCasePage() {
  const { id = '' } = useParams();
  const { search } = useLocation();
  // There is no single-case route: the case is the board's entry (every open case is on the board).
  const board = useCaseBoard({});
  const back = (
    <p className="back-link">
      <Link to={`/app/board${search}`}>← Case board</Link>
    </p>
  );
  if (board.isPending)
    return (
      <>
        {back}
        <Loading label="Loading the case…" />
      </>
    );
  if (board.isError)
    return (
      <>
        {back}
        <PageTitle title="Case" />
        <LoadError error={board.error} what="this case" />
      </>
    );
  const entry = board.data.find((c) => c.id === id);
  if (!entry) {
    return (
      <div className="stack">
        {back}
        <PageTitle title="Case not on the board" />
        <Notice tone="info">This case is not open any more, or it does not exist.</Notice>
      </div>
    );
  }
  return (
    <div className="stack">
      {back}
      <PageTitle title={`Case: ${REASON_LABELS[entry.reason]}`} />
      <CaseDetail entry={entry} />
    </div>
  );
}

export function AuditLogPage() {
  return (
    <div className="stack">
      <PageTitle title="Audit log" />
      <p className="lead">
        Every change to a case or the directory, and every view of someone’s contact details: who, when and from where.
      </p>
      <AuditLog />
    </div>
  );
}
