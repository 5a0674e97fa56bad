import type { ReactNode } from 'react';
import { PageTitle } from '../../components/ui/page-title.tsx';
import { RosterImport } from '../../features/roster-import/components/roster-import.tsx';

export function ImportRosterRoute({ tabs }: { tabs?: ReactNode }) {
  return (
    <div className="stack">
      <PageTitle title="Import roster" />
      {tabs}
      <p className="lead">Add and update staff from your HR or scheduling system’s export.</p>
      <RosterImport />
    </div>
  );
}
