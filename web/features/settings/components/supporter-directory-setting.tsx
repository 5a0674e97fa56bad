import { Checkbox } from '../../../components/ui/checkbox.tsx';
import { Notice } from '../../../components/ui/notice.tsx';
import { errorMessage } from '../../../components/ui/query-status.tsx';
import { useUpdateProgramSettings, type ProgramSettings } from '../api/program-settings.ts';

/**
 * Whether requesters may choose their supporter from a directory instead of being matched. Saved on
 * change: one switch, nothing else to fill in.
 */
export function SupporterDirectorySetting({ settings }: { settings: ProgramSettings }) {
  const update = useUpdateProgramSettings();
  return (
    <section className="card" aria-labelledby="intake-settings-title">
      <h2 id="intake-settings-title">Requests</h2>
      <Checkbox
        isSelected={update.isPending ? update.variables.supporterDirectoryEnabled : settings.supporterDirectoryEnabled}
        isDisabled={update.isPending}
        onChange={(supporterDirectoryEnabled) => update.mutate({ supporterDirectoryEnabled })}
      >
        Let requesters choose their supporter from a directory
      </Checkbox>
      <p className="muted">
        The directory shows a supporter’s first name, profession, languages and how they talk, never their caseload, and lists only
        supporters the matching rules allow for that requester. If the chosen supporter declines or does not answer in time, the program
        matches as usual. Leadership viewers and event reporters never see it.
      </p>
      {update.isError && <Notice tone="error">{errorMessage(update.error)}</Notice>}
      {update.isSuccess && (
        <Notice tone="success">
          {update.data.supporterDirectoryEnabled ? 'Requesters can now choose their supporter.' : 'Requests are matched by the program.'}
        </Notice>
      )}
    </section>
  );
}
