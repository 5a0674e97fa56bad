import './casework.css';
import type { ReactNode } from 'react';
import type { SupportLine } from '../../../../shared/schemas/organization.ts';
import {
  CONTACT_METHOD_LABELS,
  CASE_STATE_LABELS,
  formatDate,
  languageName,
  MODALITY_LABELS,
  REASON_LABELS,
  URGENCY_SHORT,
} from '../../../lib/case-vocabulary.ts';
import { telHref } from '../../../lib/support-hours.ts';
import type { CaseDetail as CaseDetailData } from '../api/casework.ts';
import { CLOSE_OUTCOME_SHORT } from '../labels.ts';
import { CaseHistory, ReferralList } from './case-history.tsx';
import { CloseCase } from './close-case.tsx';
import { ConversationGuidePanel } from './conversation-guide.tsx';
import { ContactAttemptForm } from './contact-attempt-form.tsx';
import { EncounterForm } from './encounter-form.tsx';
import { ImminentRisk } from './imminent-risk.tsx';
import { ConversationScheduler } from './conversation-scheduler.tsx';
import { TouchingBase } from './touching-base.tsx';

const OPEN_STATES: readonly CaseDetailData['state'][] = ['assigned', 'contacted', 'active'];

function contactHref(detail: CaseDetailData): string {
  return detail.contactValue.includes('@') ? `mailto:${detail.contactValue}` : telHref(detail.contactValue);
}

export interface CaseDetailProps {
  detail: CaseDetailData;
  supporterFirstName: string;
  /** The program's time zone: dates default to the program's calendar day. */
  timeZone: string;
  renderSupportLines: (lines: SupportLine[]) => ReactNode;
}

/**
 * One of my cases: who and how to reach them, and the actions the case allows now. Each action is
 * shown only when the server lists its event in `allowedEvents`.
 */
export function CaseDetail({ detail, supporterFirstName, timeZone, renderSupportLines }: CaseDetailProps) {
  const open = OPEN_STATES.includes(detail.state);
  const can = (event: string) => detail.allowedEvents.includes(event);
  const canAttempt = can('contact_attempted') || can('contact_made') || detail.state === 'active';
  const canClose = can('closed') && detail.allowedCloseOutcomes.length > 0;
  const side = (
    <div className="stack">
      <ConversationScheduler caseId={detail.id} modality={detail.modality} canSchedule={open} />
      {open && <ConversationGuidePanel />}
      {open && <TouchingBase firstName={detail.requesterFirstName} supporterFirstName={supporterFirstName} />}
      <ReferralList detail={detail} isOpen={open} />
      <CaseHistory detail={detail} />
    </div>
  );
  return (
    <div className="stack">
      {can('risk_escalated') && (
        <ImminentRisk caseId={detail.id} firstName={detail.requesterFirstName} renderSupportLines={renderSupportLines} />
      )}
      <section className="card stack stack--tight" aria-labelledby="who-title">
        <div className="case-detail__head">
          <h2 id="who-title" className="case-detail__name">
            Who and how to reach them
          </h2>
          <span className={`case-detail__state${open ? '' : ' case-detail__state--closed'}`}>
            {CASE_STATE_LABELS[detail.state]}
            {detail.outcome && `: ${CLOSE_OUTCOME_SHORT[detail.outcome].toLowerCase()}`}
          </span>
        </div>
        {open && (
          <p className="case-detail__contact">
            <span className="muted">{CONTACT_METHOD_LABELS[detail.contactMethod]}</span>{' '}
            <a
              href={contactHref(detail)}
              className="case-detail__contact-link"
              aria-label={`${CONTACT_METHOD_LABELS[detail.contactMethod]} of ${detail.requesterFirstName}: ${detail.contactValue}`}
            >
              {detail.contactValue}
            </a>
          </p>
        )}
        <dl className="facts">
          <dt>Reason</dt>
          <dd>{REASON_LABELS[detail.reason]}</dd>
          <dt>When</dt>
          <dd>
            {URGENCY_SHORT[detail.urgency]}
            {detail.urgency === 'today' && open && <span className="case-detail__urgent">Urgent</span>}
          </dd>
          <dt>How</dt>
          <dd>{MODALITY_LABELS[detail.modality]}</dd>
          {detail.language && (
            <>
              <dt>Language</dt>
              <dd>{languageName(detail.language)}</dd>
            </>
          )}
          {detail.assignedAt && (
            <>
              <dt>Accepted on</dt>
              <dd>{formatDate(detail.assignedAt)}</dd>
            </>
          )}
          {detail.firstContactAt && (
            <>
              <dt>First reached</dt>
              <dd>{formatDate(detail.firstContactAt)}</dd>
            </>
          )}
        </dl>
      </section>
      {canAttempt || can('encounter_logged') || canClose ? (
        <div className="case-detail__columns">
          <div className="stack">
            {canAttempt && <ContactAttemptForm caseId={detail.id} />}
            {can('encounter_logged') && (
              <EncounterForm key={detail.encounters.length} caseId={detail.id} modality={detail.modality} timeZone={timeZone} />
            )}
            {canClose && <CloseCase key={detail.state} detail={detail} />}
          </div>
          {side}
        </div>
      ) : (
        side
      )}
    </div>
  );
}
