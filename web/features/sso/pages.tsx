import type { ReactNode } from 'react';
import { PageTitle } from '../../components/ui/page-title.tsx';
import { LoadError, Loading } from '../../components/ui/query-status.tsx';
import { useSsoSettings } from './api/sso-settings.ts';
import { SsoSettingsForm } from './components/sso-settings-form.tsx';

/** Settings → Sign-in: the IT administrator's single sign-on page. */
export function SsoSettingsPage({ tabs }: { tabs: ReactNode }) {
  const settings = useSsoSettings();
  return (
    <div className="stack">
      <PageTitle title="Settings" />
      {tabs}
      {settings.isPending ? (
        <Loading />
      ) : settings.isError ? (
        <LoadError error={settings.error} what="single sign-on settings" />
      ) : (
        <SsoSettingsForm settings={settings.data} />
      )}
    </div>
  );
}
