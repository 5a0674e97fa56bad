import { useState } from 'react';
import { Form } from 'react-aria-components';
import type { Foundations } from '../../../../shared/schemas/setup.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Notice } from '../../../components/ui/notice.tsx';
import { errorMessage } from '../../../components/ui/query-status.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { fieldErrors } from '../../../lib/api-client.ts';
import { useSaveFoundations } from '../api/setup.ts';

/** The two facts leadership asks first: who sponsors the program, and what protects what supporters hear. */
export function FoundationsForm({ foundations }: { foundations: Foundations }) {
  const save = useSaveFoundations();
  const [sponsor, setSponsor] = useState({
    name: foundations.sponsorName ?? '',
    role: foundations.sponsorRole ?? '',
    agreedOn: foundations.sponsorAgreedOn ?? '',
  });
  const [protection, setProtection] = useState({
    basis: foundations.protectionBasis ?? '',
    confirmedBy: foundations.protectionConfirmedBy ?? '',
    confirmedOn: foundations.protectionConfirmedOn ?? '',
  });
  const [which, setWhich] = useState<'sponsor' | 'protection' | null>(null);
  const raw = fieldErrors(save.error);
  const errors = (prefix: string) =>
    Object.fromEntries(Object.entries(raw).flatMap(([k, v]) => (k.startsWith(`${prefix}.`) ? [[k.slice(prefix.length + 1), v]] : [])));
  const touched = () => save.isError && save.reset();
  return (
    <section className="card stack" aria-labelledby="foundations-title">
      <h2 id="foundations-title">Sponsor and protection</h2>
      <p className="muted">
        Programs that last have a sponsor in leadership, and legal advice that what supporters hear is protected (a peer-review statute,
        patient-safety work product). Record both, with who and when: the set-up and the reports show them.
      </p>
      {save.isError && Object.keys(raw).length === 0 && <Notice tone="error">{errorMessage(save.error)}</Notice>}
      {save.isSuccess && <Notice tone="success">Saved.</Notice>}
      <Form
        className="form"
        aria-label="Executive sponsor"
        validationErrors={errors('sponsor')}
        onSubmit={(event) => {
          event.preventDefault();
          setWhich('sponsor');
          save.mutate({ sponsor });
        }}
      >
        <h3>Executive sponsor</h3>
        <div className="form__row">
          <TextField
            label="Name"
            name="name"
            value={sponsor.name}
            onChange={(name) => (touched(), setSponsor({ ...sponsor, name }))}
            isRequired
          />
          <TextField
            label="Role"
            name="role"
            value={sponsor.role}
            onChange={(role) => (touched(), setSponsor({ ...sponsor, role }))}
            isRequired
            description="e.g. Chief Medical Officer"
          />
          <TextField
            label="Agreed on"
            name="agreedOn"
            type="date"
            value={sponsor.agreedOn}
            onChange={(agreedOn) => (touched(), setSponsor({ ...sponsor, agreedOn }))}
            isRequired
          />
        </div>
        <Button type="submit" isPending={save.isPending && which === 'sponsor'}>
          Save the sponsor
        </Button>
      </Form>
      <Form
        className="form"
        aria-label="Protection of what supporters hear"
        validationErrors={errors('protection')}
        onSubmit={(event) => {
          event.preventDefault();
          setWhich('protection');
          save.mutate({ protection });
        }}
      >
        <h3>Protection of what supporters hear</h3>
        <TextField
          label="What protects it"
          name="basis"
          value={protection.basis}
          onChange={(basis) => (touched(), setProtection({ ...protection, basis }))}
          isRequired
          description="e.g. State peer review statute, or patient safety work product under the program's PSO"
        />
        <div className="form__row">
          <TextField
            label="Confirmed by"
            name="confirmedBy"
            value={protection.confirmedBy}
            onChange={(confirmedBy) => (touched(), setProtection({ ...protection, confirmedBy }))}
            isRequired
            description="e.g. General Counsel, A. Moreno"
          />
          <TextField
            label="Confirmed on"
            name="confirmedOn"
            type="date"
            value={protection.confirmedOn}
            onChange={(confirmedOn) => (touched(), setProtection({ ...protection, confirmedOn }))}
            isRequired
          />
        </div>
        <Button type="submit" isPending={save.isPending && which === 'protection'}>
          Save the protection
        </Button>
      </Form>
    </section>
  );
}
