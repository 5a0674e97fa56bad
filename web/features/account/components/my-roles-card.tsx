import { ROLE_LABELS, type Role } from '../../../../shared/permissions.ts';

/** The signed-in person's roles, in words. */
export function MyRolesCard({ roles }: { roles: readonly Role[] }) {
  return (
    <section className="card" aria-labelledby="my-roles-title">
      <h2 id="my-roles-title">Your roles</h2>
      {roles.length ? (
        <ul className="role-list">
          {roles.map((role) => (
            <li key={role}>{ROLE_LABELS[role]}</li>
          ))}
        </ul>
      ) : (
        <p>You have no roles yet.</p>
      )}
    </section>
  );
}
