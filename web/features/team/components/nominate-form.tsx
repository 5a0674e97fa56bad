import { useState } from 'react';
import { Form } from 'react-aria-components';
import { Button } from '../../../components/ui/button.tsx';
import { Notice } from '../../../components/ui/notice.tsx';
import { errorMessage } from '../../../components/ui/query-status.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { fieldErrors } from '../../../lib/api-client.ts';
import { useNominate } from '../api/team.ts';

/**
 * Put a colleague's name forward by work e-mail. The answer never says whether the address is in
 * the directory or was suggested before: the colleague is asked privately, and their answer is theirs.
 */
export function NominateForm() {
  const nominate = useNominate();
  const [email, setEmail] = useState('');
  const errors = fieldErrors(nominate.error);
  return (
    <Form
      className="form card"
      aria-label="Suggest a colleague"
      validationErrors={errors}
      onSubmit={(event) => {
        event.preventDefault();
        nominate.mutate(email.trim(), { onSuccess: () => setEmail('') });
      }}
    >
      <h2>Suggest a colleague</h2>
      <p className="muted">
        Someone who listens well and keeps confidences? Suggest them. They are asked privately whether they are interested; you will not
        hear their answer, and a “no” leaves no trace.
      </p>
      {nominate.isSuccess && !nominate.data.self && (
        <Notice tone="success">Thank you. If they are in the staff directory, they will be asked privately.</Notice>
      )}
      {nominate.isError && Object.keys(errors).length === 0 && <Notice tone="error">{errorMessage(nominate.error)}</Notice>}
      <TextField
        label="Their work e-mail"
        name="email"
        type="email"
        autoComplete="off"
        value={email}
        onChange={(value) => {
          if (nominate.isError || nominate.isSuccess) nominate.reset();
          setEmail(value);
        }}
        isRequired
        errorMessage={errors.email}
      />
      <div className="form__actions">
        <Button type="submit" variant="primary" isPending={nominate.isPending}>
          Suggest
        </Button>
      </div>
    </Form>
  );
}
