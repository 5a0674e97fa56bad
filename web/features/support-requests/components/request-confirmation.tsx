import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import type { Urgency } from '../../../../shared/schemas/case-vocabulary.ts';

export interface RequestConfirmationProps {
  urgency: Urgency;
  /** "your work e-mail (…)", as the requester chose it. */
  contact: string;
  /** Signed-in requesters can follow the request under "My requests". */
  signedIn: boolean;
}

/** After sending: what happens next, in order, so nobody is left wondering. */
export function RequestConfirmation({ urgency, contact, signedIn }: RequestConfirmationProps) {
  const heading = useFocusOnMount();
  return (
    <section className="card request-done" aria-labelledby="request-done-title">
      <h2 id="request-done-title" ref={heading} tabIndex={-1}>
        Your request is in
      </h2>
      <p>Thank you for reaching out. This is what happens next:</p>
      <ol className="request-done__steps">
        <li>
          A trained peer supporter accepts your request and contacts you by {contact},{' '}
          {urgency === 'today' ? <strong>today</strong> : 'usually within a day'}.
        </li>
        <li>You agree together on a time to talk, the way you chose. You can change your mind at any point.</li>
        <li>What you talk about stays between the two of you. Nothing of it is written down.</li>
      </ol>
      {signedIn && (
        <p className="request-done__link">
          You can see this request, or withdraw it, under <Link to="/app/requests">My requests</Link>.
        </p>
      )}
    </section>
  );
}

/** The form is replaced by this: move focus here so keyboard and screen-reader users land on the answer. */
export function useFocusOnMount() {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return ref;
}
