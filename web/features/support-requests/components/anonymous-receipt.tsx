import { Link } from 'react-router';
import type { Urgency } from '../../../../shared/schemas/case-vocabulary.ts';
import type { AnonymousReceipt } from '../api/anonymous-requests.ts';
import { useFocusOnMount } from './request-confirmation.tsx';

/** The one time the code and secret are shown: large, selectable, with a plain warning. */
export function AnonymousReceiptCard({ receipt, urgency }: { receipt: AnonymousReceipt; urgency: Urgency }) {
  const heading = useFocusOnMount();
  return (
    <section className="card request-done receipt" aria-labelledby="receipt-title">
      <h2 id="receipt-title" ref={heading} tabIndex={-1}>
        Your request is in
      </h2>
      <div className="receipt__warning" role="status">
        <p className="receipt__warning-title">Write these down now.</p>
        <p>They are the only way to check or withdraw this request. We cannot recover them: nothing links this request to you.</p>
      </div>
      <dl className="receipt__codes">
        <div className="receipt__code">
          <dt>Case code</dt>
          <dd>
            <code>{receipt.caseCode}</code>
          </dd>
        </div>
        <div className="receipt__code">
          <dt>Secret</dt>
          <dd>
            <code>{receipt.secret}</code>
          </dd>
        </div>
      </dl>
      <h3>What happens next</h3>
      <ol className="request-done__steps">
        <li>
          A trained peer supporter accepts your request and contacts you the way you gave,{' '}
          {urgency === 'today' ? <strong>today</strong> : 'usually within a day'}.
        </li>
        <li>You agree together on a time to talk. You can change your mind at any point.</li>
        <li>What you talk about stays between the two of you. Nothing of it is written down.</li>
      </ol>
      <p className="request-done__link">
        <Link to="/request/status">Check or withdraw a request</Link>
      </p>
    </section>
  );
}
