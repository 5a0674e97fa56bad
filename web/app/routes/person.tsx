import { Link, useOutletContext, useParams } from 'react-router';
import { canGrantRole } from '../../../shared/permissions.ts';
import type { Me } from '../../../shared/schemas/auth.ts';
import { Notice } from '../../components/ui/notice.tsx';
import { PageTitle } from '../../components/ui/page-title.tsx';
import { LoadError, Loading } from '../../components/ui/query-status.tsx';
import { useOrganizationStructure } from '../../features/organization/api/get-structure.ts';
import { usePerson } from '../../features/people/api/get-person.ts';
import { PersonEditForm } from '../../features/people/components/person-edit-form.tsx';
import { PersonRolesForm } from '../../features/people/components/person-roles-form.tsx';
import { PersonStatusCard } from '../../features/people/components/person-status-card.tsx';
import { SetPasswordForm } from '../../features/people/components/set-password-form.tsx';

export function PersonRoute() {
  const me = useOutletContext<Me>();
  const { id = '' } = useParams();
  const person = usePerson(id);
  const structure = useOrganizationStructure();
  const back = (
    <p className="back-link">
      <Link to="/app/people">← All people</Link>
    </p>
  );
  if (person.isPending || structure.isPending) return <>{back}<Loading /></>;
  if (person.isError) return <>{back}<PageTitle title="Person" /><LoadError error={person.error} what="this person" /></>;
  if (structure.isError) return <>{back}<LoadError error={structure.error} what="departments and professions" /></>;

  const p = person.data;
  const isSelf = p.id === me.person.id;
  // Mirrors the server: someone's account can be changed only by whoever could grant all their roles.
  const canManage = me.actions.includes('people.manage') && (isSelf || p.roles.every((role) => canGrantRole(me.roles, role)));
  return (
    <div className="stack" key={p.id}>
      {back}
      <PageTitle title={`${p.firstName} ${p.lastName}`} />
      {!p.active && <Notice tone="info">This person is deactivated.</Notice>}
      {!canManage && me.actions.includes('people.manage') && (
        <Notice tone="info">
          This person holds a role you cannot grant, so only someone who can grant it may change their details, password or
          status.
        </Notice>
      )}
      <div className="person-layout">
        <PersonEditForm person={p} structure={structure.data} canManage={canManage} />
        <div className="stack">
          {me.actions.includes('roles.grant') && <PersonRolesForm person={p} granterRoles={me.roles} />}
          {canManage && !isSelf && <PersonStatusCard person={p} />}
          {canManage && <SetPasswordForm person={p} />}
        </div>
      </div>
    </div>
  );
}
