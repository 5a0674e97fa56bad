import { Checkbox } from '../../../components/ui/checkbox.tsx';
import { Notice } from '../../../components/ui/notice.tsx';
import { errorMessage } from '../../../components/ui/query-status.tsx';
import { useUpdateProgramSettings, type ProgramSettings } from '../api/program-settings.ts';

/** Who must sign in with an authenticator app besides those who run the program. Saved on change (a step-up change). */
export function TwoStepSetting({ settings }: { settings: ProgramSettings }) {
  const update = useUpdateProgramSettings();
  return (
    <section className="card" aria-labelledby="two-step-settings-title">
      <h2 id="two-step-settings-title">Two-step sign-in</h2>
      <p className="muted">
        Program directors, administrators and IT administrators always sign in with a password and a code from an authenticator app.
      </p>
      <Checkbox
        isSelected={update.isPending ? update.variables.supportersNeedSecondFactor : settings.supportersNeedSecondFactor}
        isDisabled={update.isPending}
        onChange={(supportersNeedSecondFactor) => update.mutate({ supportersNeedSecondFactor })}
      >
        Peer supporters must use two-step sign-in too
      </Checkbox>
      <p className="muted">Supporters who have not set up an app yet are asked to at their next click.</p>
      {update.isError && <Notice tone="error">{errorMessage(update.error)}</Notice>}
      {update.isSuccess && (
        <Notice tone="success">
          {update.data.supportersNeedSecondFactor
            ? 'Supporters now sign in in two steps.'
            : 'Supporters may sign in with a password alone.'}
        </Notice>
      )}
    </section>
  );
}
