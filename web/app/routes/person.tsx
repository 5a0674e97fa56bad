import { Link, useOutletContext, useParams } from 'react-router';
import type { Me } from '../../../shared/schemas/auth.ts';
import { Notice } from '../../components/ui/notice.tsx';
import { PageTitle } from '../../components/ui/page-title.tsx';
import { LoadError, Loading } from '../../components/ui/query-status.tsx';
import { useOrganizationStructure } from '../../features/organization/api/get-structure.ts';
import { usePerson } from '../../features/people/api/get-person.ts';
import { PersonEditForm } from '../../features/people/components/person-edit-form.tsx';
import { PersonRolesForm } from '../../features/people/components/person-roles-form.tsx';
import { PersonStatusCard } from '../../features/people/components/person-status-card.tsx';
import { SignInLinkCard } from '../../features/people/components/sign-in-link-card.tsx';

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
  if (person.isPending || structure.isPending)
    return (
      <>
        {back}
        <Loading />
      </>
    );
  if (person.isError)
    return (
      <>
        {back}
        <PageTitle title="Person" />
        <LoadError error={person.error} what="this person" />
      </>
    );
  if (structure.isError)
    return (
      <>
        {back}
        <LoadError error={structure.error} what="departments and professions" />
      </>
    );

  const p = person.data;
  const isSelf = p.id === me.person.id;
  const canManage = me.actions.includes('people.manage');
  // The server's rule (shared/permissions.ts mayChangeAccount), sent with the person.
  const canChangeAccount = canManage && p.yourAccess.account;
  return (
    <div className="stack" key={p.id}>
      {back}
      <PageTitle title={`${p.firstName} ${p.lastName}`} />
      {!p.active && <Notice tone="info">This person is deactivated.</Notice>}
      {canManage && !canChangeAccount && (
        <Notice tone="info">
          This person holds a role you cannot grant, so only someone who can grant it may change how they sign in, their work e-mail or
          whether their account is active.
        </Notice>
      )}
      <div className="person-layout">
        <PersonEditForm person={p} structure={structure.data} canManage={canManage} canChangeEmail={canChangeAccount} />
        <div className="stack">
          {me.actions.includes('roles.grant') && <PersonRolesForm person={p} isSelf={isSelf} />}
          {canChangeAccount && !isSelf && <PersonStatusCard person={p} />}
          {canChangeAccount && !isSelf && p.active && <SignInLinkCard person={p} />}
        </div>
      </div>
    </div>
  );
}
