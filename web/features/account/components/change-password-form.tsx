import { useState } from 'react';
import { Form } from 'react-aria-components';
import { PASSWORD_MIN } from '../../../../shared/limits.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Notice } from '../../../components/ui/notice.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { fieldErrors, isApiError } from '../../../lib/api-client.ts';
import { useChangePassword } from '../api/change-password.ts';

/** Current password, new password twice. The server decides what is too weak and says why. */
export function ChangePasswordForm() {
  const mutation = useChangePassword();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [repeat, setRepeat] = useState('');
  const errors = fieldErrors(mutation.error);
  if (isApiError(mutation.error) && mutation.error.code === 'invalid_credentials') {
    errors.currentPassword = 'This is not your current password';
  }
  if (isApiError(mutation.error) && mutation.error.code === 'weak_password' && !errors.newPassword) {
    errors.newPassword = mutation.error.message;
  }
  const mismatch = repeat.length > 0 && repeat !== newPassword;
  return (
    <section className="card" aria-labelledby="change-password-title">
      <h2 id="change-password-title">Change password</h2>
      <Form
        className="form"
        validationErrors={errors}
        onSubmit={(event) => {
          event.preventDefault();
          if (mismatch) return;
          mutation.mutate(
            { currentPassword, newPassword },
            {
              onSuccess: () => {
                setCurrent('');
                setNew('');
                setRepeat('');
              },
            },
          );
        }}
      >
        {mutation.isSuccess && <Notice tone="success">Your password has been changed.</Notice>}
        <TextField
          label="Current password"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          value={currentPassword}
          onChange={setCurrent}
          isRequired
        />
        <TextField
          label="New password"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          value={newPassword}
          onChange={setNew}
          isRequired
          minLength={PASSWORD_MIN}
          description={`At least ${PASSWORD_MIN} characters. A few unrelated words make a strong password.`}
        />
        <TextField
          label="Repeat new password"
          name="repeatPassword"
          type="password"
          autoComplete="new-password"
          value={repeat}
          onChange={setRepeat}
          isRequired
          errorMessage={mismatch ? 'The two new passwords differ' : undefined}
        />
        <Button type="submit" variant="primary" isPending={mutation.isPending} className="form__submit">
          Change password
        </Button>
      </Form>
    </section>
  );
}
