import { useState } from 'react';
import { Form } from 'react-aria-components';
import type { SupporterProfile } from '../../../../shared/schemas/supporter.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Notice } from '../../../components/ui/notice.tsx';
import { errorMessage } from '../../../components/ui/query-status.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { fieldErrors } from '../../../lib/api-client.ts';
import { ownInputFrom, useSaveOwnProfile, useStartCooldown } from '../api/supporter-profile.ts';
import { isPaused } from './matchability.ts';
import { formatDay } from './vocabulary.ts';

/**
 * "Pause new offers until …" and "Resume now", saved at once. Only the pause changes: the rest
 * of the saved profile is sent back as it is, so unsaved edits elsewhere on the page stay unsaved.
 */
export function PauseOffersCard({ profile, today }: { profile: SupporterProfile; today: string }) {
  const save = useSaveOwnProfile();
  const cooldown = useStartCooldown();
  const paused = isPaused(profile, today);
  const [until, setUntil] = useState(paused && profile.pausedUntil ? profile.pausedUntil : '');
  const errors = fieldErrors(save.error);
  const tooEarly = until !== '' && until < today;
  const problem = tooEarly ? 'Choose today or a later day' : errors.pausedUntil;
  const setPause = (pausedUntil: string | null) =>
    save.mutate({ ...ownInputFrom(profile), pausedUntil }, { onSuccess: (saved) => setUntil(saved.pausedUntil ?? '') });
  return (
    <section className="card stack stack--tight" aria-labelledby="pause-offers-title">
      <h2 id="pause-offers-title">Pause new offers</h2>
      <p className="muted">
        For a heavy week or a break. Until the end of the day you choose, no new requests are offered to you; people you already support are
        not affected.
      </p>
      {paused && profile.pausedUntil && (
        <Notice tone="info">New offers are paused until the end of {formatDay(profile.pausedUntil)}.</Notice>
      )}
      <Form
        className="inline-form"
        validationErrors={problem ? { pausedUntil: problem } : {}}
        onSubmit={(event) => {
          event.preventDefault();
          if (!until || tooEarly) return;
          setPause(until);
        }}
      >
        <TextField
          label="Pause new offers until"
          name="pausedUntil"
          type="date"
          value={until}
          onChange={(value) => {
            save.reset();
            setUntil(value);
          }}
          isRequired
          errorMessage={problem}
        />
        <Button type="submit" variant="primary" isPending={save.isPending && save.variables?.pausedUntil !== null}>
          {paused ? 'Change pause' : 'Pause'}
        </Button>
      </Form>
      {paused && (
        <Button
          className="pause-card__resume"
          onPress={() => setPause(null)}
          isPending={save.isPending && save.variables?.pausedUntil === null}
        >
          Resume now
        </Button>
      )}
      <div>
        <Button
          onPress={() => cooldown.mutate(undefined, { onSuccess: (saved) => setUntil(saved.pausedUntil ?? '') })}
          isPending={cooldown.isPending}
        >
          I need a cool-down
        </Button>
        <p className="muted">After a heavy conversation: no new offers for the program’s cool-down days, without choosing a date.</p>
      </div>
      {cooldown.isError && <Notice tone="error">{errorMessage(cooldown.error)}</Notice>}
      {save.isError && !errors.pausedUntil && <Notice tone="error">{errorMessage(save.error)}</Notice>}
      {save.isSuccess && !paused && <Notice tone="success">New offers can reach you again.</Notice>}
    </section>
  );
}
