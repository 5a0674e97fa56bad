import './supporter-workspace.css';
import { Link } from 'react-router';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import {
  CASE_STATE_LABELS,
  CONTACT_METHOD_LABELS,
  formatDate,
  languageName,
  MODALITY_LABELS,
  REASON_LABELS,
  URGENCY_SHORT,
} from '../../../lib/case-vocabulary.ts';
import { telHref } from '../../../lib/support-hours.ts';
import { useSupporterCases, type SupporterCase } from '../api/workspace.ts';

const OPEN_STATES: readonly SupporterCase['state'][] = ['assigned', 'contacted', 'active'];

/** By what the value is, not only the method's name, so a mislabelled contact still opens the right app. */
function contactHref(item: SupporterCase): string {
  return item.contactValue.includes('@') ? `mailto:${item.contactValue}` : telHref(item.contactValue);
}

/** People I have accepted: first name, how to reach them and the reason category — nothing else. */
export function CaseList() {
  const cases = useSupporterCases();
  if (cases.isPending) return <Loading label="Loading your cases…" />;
  if (cases.isError) return <LoadError error={cases.error} what="your cases" />;

  const sorted = [...cases.data].sort((a, b) => Number(OPEN_STATES.includes(b.state)) - Number(OPEN_STATES.includes(a.state)));
  if (sorted.length === 0) {
    return (
      <p className="card">
        No cases yet. When you accept an <Link to="/app/offers">offer</Link>, the person appears here with how to reach them.
      </p>
    );
  }
  return (
    <ul className="case-list">
      {sorted.map((item) => {
        const open = OPEN_STATES.includes(item.state);
        const titleId = `case-${item.id}-title`;
        return (
          <li key={item.id} id={`case-${item.id}`} className={`case card${open ? '' : ' case--closed'}`} aria-labelledby={titleId}>
            <div className="case__head">
              <h2 id={titleId} className="case__name">
                <Link to={`/app/cases/${encodeURIComponent(item.id)}`}>{item.requesterFirstName}</Link>
              </h2>
              <span className={`case__state${open ? '' : ' case__state--closed'}`}>{CASE_STATE_LABELS[item.state]}</span>
            </div>
            {open && (
              <p className="case__contact">
                <span className="case__contact-label">{CONTACT_METHOD_LABELS[item.contactMethod]}</span>
                <a
                  href={contactHref(item)}
                  className="case__contact-link"
                  aria-label={`${CONTACT_METHOD_LABELS[item.contactMethod]} of ${item.requesterFirstName}: ${item.contactValue}`}
                >
                  {item.contactValue}
                </a>
              </p>
            )}
            <dl className="facts case__facts">
              <dt>Reason</dt>
              <dd>{REASON_LABELS[item.reason]}</dd>
              <dt>When</dt>
              <dd>
                {URGENCY_SHORT[item.urgency]}
                {item.urgency === 'today' && open && <span className="urgent-tag">Urgent</span>}
              </dd>
              <dt>How</dt>
              <dd>{MODALITY_LABELS[item.modality]}</dd>
              {item.language && (
                <>
                  <dt>Language</dt>
                  <dd>{languageName(item.language)}</dd>
                </>
              )}
              {item.assignedAt && (
                <>
                  <dt>Accepted on</dt>
                  <dd>{formatDate(item.assignedAt)}</dd>
                </>
              )}
            </dl>
            <p className="case__open">
              <Link to={`/app/cases/${encodeURIComponent(item.id)}`} aria-describedby={titleId}>
                {open ? 'Log contact, conversation or close' : 'See the log'}
              </Link>
            </p>
          </li>
        );
      })}
    </ul>
  );
}
