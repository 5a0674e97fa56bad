import { PageTitle } from '../../components/ui/page-title.tsx';
import { LoadError, Loading } from '../../components/ui/query-status.tsx';
import { useProgramSettings } from '../../features/settings/api/program-settings.ts';
import { ProgramSettingsForm } from '../../features/settings/components/program-settings-form.tsx';
import { SupportLineEditor } from '../../features/settings/components/support-line-editor.tsx';

export function SettingsRoute() {
  const settings = useProgramSettings();
  return (
    <div className="stack">
      <PageTitle title="Settings" />
      {settings.isPending ? (
        <Loading />
      ) : settings.isError ? (
        <LoadError error={settings.error} what="settings" />
      ) : (
        <>
          <ProgramSettingsForm settings={settings.data} />
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
    </div>
  );
}
