import { useOutletContext } from 'react-router';
import type { Me } from '../../../shared/schemas/auth.ts';
import { PageTitle } from '../../components/ui/page-title.tsx';
import { LoadError, Loading } from '../../components/ui/query-status.tsx';
import { useProgramSettings } from '../../features/settings/api/program-settings.ts';
import { ConversationGuideSettings } from '../../features/settings/components/conversation-guide-editor.tsx';
import { ConversationSettingsSection } from '../../features/settings/components/conversation-settings-form.tsx';
import { ProgramSettingsForm } from '../../features/settings/components/program-settings-form.tsx';
import { SupportLineEditor } from '../../features/settings/components/support-line-editor.tsx';
import { SupporterDirectorySetting } from '../../features/settings/components/supporter-directory-setting.tsx';
import { TwoStepSetting } from '../../features/settings/components/two-step-setting.tsx';
import { RetentionSetting } from '../../features/settings/components/retention-setting.tsx';
import { CooldownSetting } from '../../features/settings/components/cooldown-setting.tsx';
import { ServiceLevelSettings } from '../../features/service-levels/components/service-levels-settings.tsx';
import { PagingSettingsSection } from '../../features/paging/components/paging-settings.tsx';
import { SectionTabs } from './section-tabs.tsx';

export function SettingsRoute() {
  const me = useOutletContext<Me>();
  const settings = useProgramSettings();
  return (
    <div className="stack">
      <PageTitle title="Settings" />
      <SectionTabs group="settings" />
      {settings.isPending ? (
        <Loading />
      ) : settings.isError ? (
        <LoadError error={settings.error} what="settings" />
      ) : (
        <>
          <ProgramSettingsForm settings={settings.data} />
          <SupporterDirectorySetting settings={settings.data} />
          <RetentionSetting settings={settings.data} />
          <TwoStepSetting settings={settings.data} />
          <CooldownSetting settings={settings.data} />
          <section className="stack" aria-labelledby="support-lines-title">
            <h2 id="support-lines-title">Support lines</h2>
            <p className="muted">Shown on the public page and to everyone signed in, with whether each line is open now.</p>
            {[...settings.data.supportLines]
              .sort((a, b) => a.sortOrder - b.sortOrder)
              .map((line) => (
                <SupportLineEditor key={line.id} line={line} />
              ))}
          </section>
        </>
      )}
      {/* The page needs settings.manage; the guide is the director's alone (IT admins manage settings too). */}
      <ConversationSettingsSection />
      {me.actions.includes('guide.manage') && <ConversationGuideSettings />}
      {me.actions.includes('service_levels.manage') && <ServiceLevelSettings />}
      {me.actions.includes('service_levels.manage') && <PagingSettingsSection />}
    </div>
  );
}
