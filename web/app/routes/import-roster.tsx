import { PageTitle } from '../../components/ui/page-title.tsx';
import { RosterImport } from '../../features/roster-import/components/roster-import.tsx';

export function ImportRosterRoute() {
  return (
    <div className="stack">
      <PageTitle title="Import roster" />
      <p className="lead">Add and update staff from your HR or scheduling system’s export.</p>
      <RosterImport />
    </div>
  );
}
