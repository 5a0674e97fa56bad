/**
 * Stated right above the button, because "who will know?" is what stops people asking.
 * `identity` says what the two people see about the requester.
 */
export function WhoSeesThis({ identity }: { identity: string }) {
  return (
    <section className="who-sees" aria-labelledby="who-sees-title">
      <h2 id="who-sees-title" className="who-sees__title">
        Who will see this request
      </h2>
      <ul className="who-sees__list">
        <li>
          Only two people: the <strong>program administrator</strong> who matches it with a peer, and the{' '}
          <strong>one peer supporter</strong> who accepts it. They see {identity}, and the choices above.
        </li>
        <li>
          It is <strong>not part of any quality review, HR or credentialing file</strong>, and it is kept apart from them.
        </li>
        <li>Nothing about what happened is asked here or written down, now or later.</li>
      </ul>
    </section>
  );
}
