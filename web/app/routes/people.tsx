import type { ReactNode } from 'react';
import { useOutletContext } from 'react-router';
import type { Me } from '../../../shared/schemas/auth.ts';
import { PageTitle } from '../../components/ui/page-title.tsx';
import { LoadError, Loading } from '../../components/ui/query-status.tsx';
import { useOrganizationStructure } from '../../features/organization/api/get-structure.ts';
import { PeopleDirectory } from '../../features/people/components/people-directory.tsx';

export function PeopleRoute({ tabs }: { tabs?: ReactNode }) {
  const me = useOutletContext<Me>();
  const structure = useOrganizationStructure();
  return (
    <div className="stack">
      <PageTitle title="People" />
      {tabs}
      {structure.isPending ? (
        <Loading />
      ) : structure.isError ? (
        <LoadError error={structure.error} what="departments and professions" />
      ) : (
        <PeopleDirectory structure={structure.data} canManage={me.actions.includes('people.manage')} />
      )}
    </div>
  );
}
