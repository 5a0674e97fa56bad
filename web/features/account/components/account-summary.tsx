import type { Me } from '../../../../shared/schemas/auth.ts';
import { ROLE_LABELS } from '../../../../shared/permissions.ts';

/** Read-only facts about the signed-in person; administrators change names and roles. */
export function AccountSummary({ me }: { me: Me }) {
  return (
    <section className="card" aria-labelledby="account-summary-title">
      <h2 id="account-summary-title">Your details</h2>
      <dl className="facts">
        <dt>Name</dt>
        <dd>
          {me.person.firstName} {me.person.lastName}
        </dd>
        <dt>Work e-mail</dt>
        <dd>{me.person.workEmail}</dd>
        <dt>Roles</dt>
        <dd>{me.roles.length ? me.roles.map((role) => ROLE_LABELS[role]).join(', ') : 'None'}</dd>
        <dt>Organisation</dt>
        <dd>{me.organization.name}</dd>
      </dl>
      <p className="muted">To correct your name or e-mail, ask your program administrator.</p>
    </section>
  );
}
