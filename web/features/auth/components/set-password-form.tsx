import { useState } from 'react';
import { Form } from 'react-aria-components';
import { Link } from 'react-router';
import { PASSWORD_MIN } from '../../../../shared/limits.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Notice } from '../../../components/ui/notice.tsx';
import { errorMessage } from '../../../components/ui/query-status.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { fieldErrors, isApiError } from '../../../lib/api-client.ts';
import { useRedeemSignInLink } from '../api/sign-in-links.ts';

/**
 * Choose a password with a single-use link. The address is shown (and given to password managers as
 * the username); the server decides what is too weak and says why, and a refusal keeps the link usable.
 */
export function SetPasswordForm({ token, email }: { token: string; email: string }) {
  const redeem = useRedeemSignInLink();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const errors = fieldErrors(redeem.error);
  if (isApiError(redeem.error) && redeem.error.code === 'weak_password' && !errors.password) errors.password = redeem.error.message;
  const mismatch = repeat.length > 0 && repeat !== password;
  if (mismatch) errors.repeatPassword = 'The two passwords are not the same';
  if (redeem.isSuccess) {
    return (
      <div className="stack">
        <Notice tone="success">Your password is set. Any other session of yours has been signed out.</Notice>
        <p>
          <Link to="/login" className="button button--primary">
            Sign in
          </Link>
        </p>
      </div>
    );
  }
  return (
    <Form
      className="form"
      validationErrors={errors}
      onSubmit={(event) => {
        event.preventDefault();
        if (mismatch || repeat !== password) return;
        redeem.mutate({ token, password });
      }}
    >
      {redeem.isError && !errors.password && <Notice tone="error">{errorMessage(redeem.error)}</Notice>}
      <TextField label="Work e-mail" name="username" type="email" autoComplete="username" value={email} isReadOnly />
      <TextField
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={(value) => {
          redeem.reset();
          setPassword(value);
        }}
        isRequired
        minLength={PASSWORD_MIN}
        autoFocus
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
      />
      <Button type="submit" variant="primary" isPending={redeem.isPending} className="form__submit">
        Set my password
      </Button>
    </Form>
  );
}
