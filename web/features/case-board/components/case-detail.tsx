import './case-board.css';
import { useState } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.tsx';
import { Notice } from '../../../components/ui/notice.tsx';
import { errorMessage, LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { useNow } from '../../../hooks/use-now.ts';
import { isApiError } from '../../../lib/api-client.ts';
import {
  CONTACT_METHOD_LABELS,
  formatDateTime,
  MODALITY_LABELS,
  ORIGIN_LABELS,
  REASON_LABELS,
  URGENCY_SHORT,
} from '../../../lib/case-vocabulary.ts';
import { useAssignCase, useCaseSuggestions, useRevealContact, type BoardEntry, type Suggestion } from '../api/case-board.ts';
import { ClockCell, RelaxedTag } from './case-facts.tsx';
import { ageOf, BOARD_STATE_LABELS, describeSupporter, supporterName } from './vocabulary.ts';

const FINISHED = new Set(['closed', 'withdrawn', 'declined']);

/** One case: its facts, the matcher's suggestions with Assign buttons, and the audited contact view. */
export function CaseDetail({ entry }: { entry: BoardEntry }) {
  const now = useNow();
  const isOpen = !FINISHED.has(entry.state);
  return (
    <div className="case-layout">
      <div className="stack">
        <section className="card" aria-labelledby="case-facts-heading">
          <h2 id="case-facts-heading">About this request</h2>
          <dl className="facts case-facts">
            <dt>Reason</dt>
            <dd>{REASON_LABELS[entry.reason]}</dd>
            <dt>Origin</dt>
            <dd>{ORIGIN_LABELS[entry.origin]}</dd>
            <dt>State</dt>
            <dd>
              {BOARD_STATE_LABELS[entry.state]}
              {entry.relaxedRules.length > 0 && (
                <>
                  {' '}
                  <RelaxedTag />
                </>
              )}
            </dd>
            <dt>Supporter</dt>
            <dd>{describeSupporter(entry)}</dd>
            <dt>Urgency</dt>
            <dd>{URGENCY_SHORT[entry.urgency]}</dd>
            <dt>Modality</dt>
            <dd>{MODALITY_LABELS[entry.modality]}</dd>
            <dt>Received</dt>
            <dd>
              {formatDateTime(entry.createdAt)} ({ageOf(entry.createdAt, now)} ago)
            </dd>
            <dt>First contact</dt>
            <dd>
              <ClockCell entry={entry} now={now} />
            </dd>
            <dt>Offers so far</dt>
            <dd>{entry.offerCount}</dd>
          </dl>
          {entry.relaxedRules.length > 0 && (
            <p className="muted contact-card__note">Relaxed to find a match: {entry.relaxedRules.join(', ')}.</p>
          )}
        </section>
        <ContactCard caseId={entry.id} />
      </div>
      {isOpen ? <SuggestionsCard entry={entry} /> : <Notice tone="info">This case is finished, so it cannot be assigned.</Notice>}
    </div>
  );
}

function ContactCard({ caseId }: { caseId: string }) {
  const reveal = useRevealContact();
  const contact = reveal.data;
  return (
    <section className="card stack stack--tight" aria-labelledby="contact-heading">
      <h2 id="contact-heading">Contact details</h2>
      {contact ? (
        <dl className="facts case-facts">
          <dt>First name</dt>
          <dd>{contact.requesterFirstName ?? 'Not given'}</dd>
          <dt>How to reach them</dt>
          <dd>{contact.contactMethod ? CONTACT_METHOD_LABELS[contact.contactMethod] : 'Not given'}</dd>
          <dt>Contact</dt>
          <dd>{contact.contactValue ?? (contact.contactMethod === 'work_email' ? 'Their work e-mail in the directory' : 'Not given')}</dd>
        </dl>
      ) : (
        <p className="muted">Hidden until you need them to act on this case.</p>
      )}
      {!contact && (
        <div className="toolbar">
          <Button onPress={() => reveal.mutate(caseId)} isPending={reveal.isPending}>
            Show contact details
          </Button>
        </div>
      )}
      {reveal.isError && <Notice tone="error">{errorMessage(reveal.error)}</Notice>}
      <p className="muted contact-card__note">This view is recorded in the audit log.</p>
    </section>
  );
}

function SuggestionsCard({ entry }: { entry: BoardEntry }) {
  const suggestions = useCaseSuggestions(entry.id);
  const assign = useAssignCase(entry.id);
  const [choice, setChoice] = useState<Suggestion | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const holder = entry.assignedSupporter;
  const verb = holder ? 'Reassign' : 'Assign';

  const confirm = () => {
    if (!choice) return;
    setDone(null);
    assign.mutate(
      { supporterId: choice.supporter.id, expectedSupporterId: holder?.id ?? null },
      {
        onSuccess: (updated) => setDone(updated.assignedSupporter ? `Assigned to ${supporterName(updated.assignedSupporter)}.` : 'Saved.'),
        onSettled: () => setChoice(null),
      },
    );
  };
  const conflict = assign.isError && isApiError(assign.error) && assign.error.status === 409;

  return (
    <section className="card stack stack--tight" aria-labelledby="suggestions-heading">
      <h2 id="suggestions-heading">Suggested supporters</h2>
      {done && <Notice tone="success">{done}</Notice>}
      {assign.isError &&
        (conflict ? (
          <Notice tone="error" title="This case changed while you were looking">
            Someone else acted on it first. The page now shows where it stands; check it before assigning again.
          </Notice>
        ) : (
          <Notice tone="error" title="Could not assign">
            {errorMessage(assign.error)}
          </Notice>
        ))}
      {suggestions.isPending ? (
        <Loading label="Finding supporters…" />
      ) : suggestions.isError ? (
        <LoadError error={suggestions.error} what="suggestions" />
      ) : !suggestions.data.best ? (
        <Notice tone="info">No supporter can take this case now. Check the supporter pool for capacity and pauses.</Notice>
      ) : (
        <>
          {suggestions.data.relaxedRules.length > 0 && (
            <Notice tone="info">Nobody met every rule, so these were relaxed: {suggestions.data.relaxedRules.join(', ')}.</Notice>
          )}
          <ol className="suggestions" aria-label="Suggestions">
            {[suggestions.data.best, ...suggestions.data.alternates.slice(0, 2)].map((s, index) => {
              const isHolder = holder?.id === s.supporter.id;
              return (
                <li key={s.supporter.id} className={index === 0 ? 'suggestion suggestion--best' : 'suggestion'}>
                  <div className="suggestion__body">
                    <p className="suggestion__kind">{index === 0 ? 'Best match' : `Alternate ${index}`}</p>
                    <h3 className="suggestion__name">{supporterName(s.supporter)}</h3>
                    {s.reasons.length > 0 && (
                      <ul className="suggestion__reasons">
                        {s.reasons.map((r) => (
                          <li key={r.code}>{r.text}</li>
                        ))}
                      </ul>
                    )}
                  </div>
                  {isHolder ? (
                    <span className="tag tag--muted">Holds this case</span>
                  ) : (
                    <Button
                      variant={index === 0 ? 'primary' : 'secondary'}
                      onPress={() => setChoice(s)}
                      aria-label={`${verb} to ${supporterName(s.supporter)}`}
                    >
                      {verb}
                    </Button>
                  )}
                </li>
              );
            })}
          </ol>
        </>
      )}
      <ConfirmDialog
        title={holder ? 'Reassign this case?' : 'Assign this case?'}
        confirmLabel={choice ? `${verb} to ${supporterName(choice.supporter)}` : verb}
        tone="primary"
        isOpen={choice !== null}
        onOpenChange={(open) => !open && setChoice(null)}
        onConfirm={confirm}
        isPending={assign.isPending}
      >
        {choice && (
          <p>
            {holder
              ? `${supporterName(holder)} holds this case now. It will move to ${supporterName(choice.supporter)}, who is told by e-mail (without any details).`
              : `${supporterName(choice.supporter)} will hold this case and is told by e-mail (without any details). Any pending offer is withdrawn.`}
          </p>
        )}
      </ConfirmDialog>
    </section>
  );
}
