import { useOutletContext } from 'react-router';
import type { Me } from '../../../shared/schemas/auth.ts';
import { PageTitle } from '../../components/ui/page-title.tsx';
import { SupporterProfileView } from '../../features/supporter-profile/components/supporter-profile-view.tsx';

export function SupporterProfileRoute() {
  const me = useOutletContext<Me>();
  return (
    <div className="stack">
      <PageTitle title="My supporter profile" />
      <p className="lead">What matching needs to know to offer you requests you can take.</p>
      <SupporterProfileView timeZone={me.organization.timeZone} />
    </div>
  );
}
