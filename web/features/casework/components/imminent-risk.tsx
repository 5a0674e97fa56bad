import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { SupportLine } from '../../../../shared/schemas/organization.ts';
import { Button } from '../../../components/ui/button.tsx';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.tsx';
import { Notice } from '../../../components/ui/notice.tsx';
import { errorMessage } from '../../../components/ui/query-status.tsx';
import { telHref } from '../../../lib/support-hours.ts';
import { useEscalateRisk, type CrisisProtocol } from '../api/casework.ts';
import { RESOURCE_CATEGORY_LABELS } from '../labels.ts';

export interface ImminentRiskProps {
  caseId: string;
  firstName: string;
  /** The app draws support lines the way the rest of Peerline does (the support-lines feature). */
  renderSupportLines: (lines: SupportLine[]) => ReactNode;
}

/** Shown at once after escalating: who to call now. Focus moves here so it is read first. */
function CrisisProtocolPanel({
  protocol,
  renderSupportLines,
}: {
  protocol: CrisisProtocol;
  renderSupportLines: ImminentRiskProps['renderSupportLines'];
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="crisis-protocol stack stack--tight" aria-labelledby="crisis-protocol-title">
      <h2 id="crisis-protocol-title" ref={heading} tabIndex={-1}>
        Crisis protocol
      </h2>
      <p>
        The program’s crisis team has been alerted. If there is immediate danger, call <a href="tel:911">911</a> or the crisis line{' '}
        <a href="tel:988">988</a> now, and stay with the person if you can.
      </p>
      {protocol.resources.length > 0 && (
        <ul className="crisis-protocol__resources">
          {protocol.resources.map((resource) => (
            <li key={resource.id} className="crisis-protocol__resource">
              <strong>{resource.name}</strong>
              <span className="muted"> · {RESOURCE_CATEGORY_LABELS[resource.category]}</span>
              {resource.phone && (
                <>
                  {' '}
                  <a
                    href={telHref(resource.phone)}
                    className="crisis-protocol__phone"
                    aria-label={`Call ${resource.name}: ${resource.phone}`}
                  >
                    {resource.phone}
                  </a>
                </>
              )}
              {resource.hours && <span className="muted"> ({resource.hours})</span>}
            </li>
          ))}
        </ul>
      )}
      {renderSupportLines(protocol.supportLines)}
    </section>
  );
}

/** The prominent "Imminent risk" button: confirm, alert the program, and show the crisis protocol. */
export function ImminentRisk({ caseId, firstName, renderSupportLines }: ImminentRiskProps) {
  const escalate = useEscalateRisk(caseId);
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="stack stack--tight">
      <div className="risk-bar">
        <p className="risk-bar__text">Worried that {firstName} may harm themselves or someone else?</p>
        <Button
          variant="danger"
          className="risk-bar__button"
          onPress={() => {
            escalate.reset();
            setConfirming(true);
          }}
        >
          Imminent risk
        </Button>
      </div>
      {escalate.isError && <Notice tone="error">{errorMessage(escalate.error)} If there is immediate danger, call 911 or 988 now.</Notice>}
      {escalate.data && <CrisisProtocolPanel protocol={escalate.data} renderSupportLines={renderSupportLines} />}
      <ConfirmDialog
        title="Imminent risk?"
        confirmLabel="Yes, escalate now"
        isOpen={confirming}
        onOpenChange={setConfirming}
        isPending={escalate.isPending}
        onConfirm={() => escalate.mutate(undefined, { onSettled: () => setConfirming(false) })}
      >
        <p>The program’s crisis team is alerted at once and you see the crisis protocol: who to call now.</p>
        <p>Confidentiality has limits when someone’s life is at risk; this is one of them.</p>
      </ConfirmDialog>
    </div>
  );
}
