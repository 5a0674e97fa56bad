import { useOutletContext } from 'react-router';
import type { Me } from '../../../shared/schemas/auth.ts';
import { PageTitle } from '../../components/ui/page-title.tsx';
import { ResourceDirectory } from '../../features/resources/components/resource-directory.tsx';

export function ResourcesRoute() {
  const me = useOutletContext<Me>();
  return (
    <div className="stack">
      <PageTitle title="Resources" />
      <p className="lead">Services you can contact yourself, or that a peer supporter may suggest. Tap a number to call.</p>
      <ResourceDirectory canManage={me.actions.includes('resources.manage')} />
    </div>
  );
}
