import { useState } from 'react';
import { Form } from 'react-aria-components';
import type { Me } from '../../../../shared/schemas/auth.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Notice } from '../../../components/ui/notice.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { fieldErrors, isApiError } from '../../../lib/api-client.ts';
import { useLogin } from '../api/login.ts';

function loginErrorText(error: unknown): string {
  if (!isApiError(error)) return 'Something went wrong. Please try again.';
  if (error.code === 'invalid_credentials') return 'That e-mail and password do not match an account.';
  if (error.code === 'too_many_requests') return 'Too many attempts. Wait a few minutes and try again.';
  return error.message;
}

/** E-mail and password. Errors never say which of the two was wrong. */
export function LoginForm({ onSignedIn, organization }: { onSignedIn: (me: Me) => void; organization?: string | undefined }) {
  const loginMutation = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  return (
    <Form
      className="form"
      validationErrors={fieldErrors(loginMutation.error)}
      onSubmit={(event) => {
        event.preventDefault();
        loginMutation.mutate({ email, password, ...(organization ? { organization } : {}) }, { onSuccess: onSignedIn });
      }}
    >
      {loginMutation.isError && <Notice tone="error">{loginErrorText(loginMutation.error)}</Notice>}
      <TextField
        label="Work e-mail"
        name="email"
        type="email"
        autoComplete="username"
        value={email}
        onChange={setEmail}
        isRequired
        autoFocus
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={setPassword}
        isRequired
      />
      <Button type="submit" variant="primary" isPending={loginMutation.isPending} className="form__submit">
        Sign in
      </Button>
    </Form>
  );
}
