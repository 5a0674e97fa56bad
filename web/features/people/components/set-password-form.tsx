import { useState } from 'react';
import { Form } from 'react-aria-components';
import { PASSWORD_MIN } from '../../../../shared/limits.ts';
import type { Person } from '../../../../shared/schemas/person.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Notice } from '../../../components/ui/notice.tsx';
import { errorMessage } from '../../../components/ui/query-status.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { fieldErrors, isApiError } from '../../../lib/api-client.ts';
import { useSetPersonPassword } from '../api/person-mutations.ts';

/** Sets a sign-in password for someone (and creates their account if they have none). */
export function SetPasswordForm({ person }: { person: Person }) {
  const setPassword = useSetPersonPassword();
  const [password, setValue] = useState('');
  const errors = fieldErrors(setPassword.error);
  if (isApiError(setPassword.error) && setPassword.error.code === 'weak_password' && !errors.password) {
    errors.password = setPassword.error.message;
  }
  return (
    <section className="card" aria-labelledby="person-password-title">
      <h2 id="person-password-title">Sign-in password</h2>
      <p className="muted">
        {person.hasAccount
          ? 'This person has a sign-in account. Setting a new password replaces the old one.'
          : 'This person has no sign-in account yet. Setting a password creates one.'}
      </p>
      <Form
        className="form"
        validationErrors={errors}
        onSubmit={(event) => {
          event.preventDefault();
          setPassword.mutate({ id: person.id, password }, { onSuccess: () => setValue('') });
        }}
      >
        {setPassword.isSuccess && <Notice tone="success">Password set. Give it to them in person or by phone, not by e-mail.</Notice>}
        {setPassword.isError && !errors.password && <Notice tone="error">{errorMessage(setPassword.error)}</Notice>}
        <TextField
          label="New password"
          name="password"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(value) => {
            setPassword.reset();
            setValue(value);
          }}
          isRequired
          minLength={PASSWORD_MIN}
          description={`At least ${PASSWORD_MIN} characters.`}
        />
        <Button type="submit" variant="secondary" isPending={setPassword.isPending} className="form__submit">
          Set password
        </Button>
      </Form>
    </section>
  );
}
