import { useOutletContext } from 'react-router';
import type { Me } from '../../../shared/schemas/auth.ts';
import { PageTitle } from '../../components/ui/page-title.tsx';
import { AccountSummary } from '../../features/account/components/account-summary.tsx';
import { ChangePasswordForm } from '../../features/account/components/change-password-form.tsx';
import { SessionsList } from '../../features/account/components/sessions-list.tsx';
import { TwoStepSection } from '../../features/account/components/two-step-section.tsx';

export function AccountRoute() {
  const me = useOutletContext<Me>();
  return (
    <div className="stack">
      <PageTitle title="My account" />
      <div className="two-columns">
        <AccountSummary me={me} />
        <ChangePasswordForm />
      </div>
      <TwoStepSection />
      <SessionsList />
    </div>
  );
}
