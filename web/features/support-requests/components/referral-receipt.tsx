import type { Urgency } from '../../../../shared/schemas/case-vocabulary.ts';
import { useFocusOnMount } from './request-confirmation.tsx';

/**
 * After a referral: the same words whatever happened on the server (a new case, or someone already
 * looking after this colleague), and where to turn if it cannot wait.
 */
export function ReferralReceipt({ urgency }: { urgency: Urgency }) {
  const heading = useFocusOnMount();
  return (
    <section className="card request-done" aria-labelledby="referral-done-title">
      <h2 id="referral-done-title" ref={heading} tabIndex={-1}>
        Thank you for looking out for your colleague
      </h2>
      <p>Your referral has been received. This is what happens next:</p>
      <ol className="request-done__steps">
        <li>
          A trained peer supporter reaches out to your colleague by work e-mail,{' '}
          {urgency === 'today' ? <strong>today</strong> : 'usually within a day'}, and offers to talk.
        </li>
        <li>Your colleague decides. They can say no thanks, and nobody will press them.</li>
        <li>
          <strong>You will not hear anything further</strong> about it, from Peerline or from the program. That is on purpose.
        </li>
      </ol>
      <h3>If it cannot wait</h3>
      <p className="request-done__link">
        If you think your colleague may be in danger now, do not wait for a peer: stay with them if you can, and call one of the lines on
        this page, or <a href="tel:988">988</a> (Suicide &amp; Crisis Lifeline), or emergency services.
      </p>
    </section>
  );
}
