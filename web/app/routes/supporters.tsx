import type { ReactNode } from 'react';
import { useOutletContext } from 'react-router';
import type { Me } from '../../../shared/schemas/auth.ts';
import { PageTitle } from '../../components/ui/page-title.tsx';
import { SupporterPool } from '../../features/supporter-profile/components/supporter-pool.tsx';

export function SupportersRoute({ tabs }: { tabs?: ReactNode }) {
  const me = useOutletContext<Me>();
  return (
    <div className="stack">
      <PageTitle title="Supporters" />
      {tabs}
      <p className="lead">Everyone with the peer supporter role: whether they can be matched, and what the program has set.</p>
      <SupporterPool timeZone={me.organization.timeZone} />
    </div>
  );
}
