import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { Button } from '../../components/ui/button.tsx';
import { LoadError, Loading } from '../../components/ui/query-status.tsx';
import { useLogout } from '../../features/auth/api/logout.ts';
import { useMe } from '../../features/auth/api/me.ts';
import { AuthenticatorSetup } from '../../features/auth/components/authenticator-setup.tsx';
import { SecondFactorForm } from '../../features/auth/components/second-factor-form.tsx';
import { isUnauthenticated } from '../../lib/api-client.ts';
import { SignInFrame } from '../sign-in-frame.tsx';
import { safeNext } from './login.tsx';

/**
 * `/login/second-step`: after the password, the authenticator code, or (for someone whose roles
 * require it and who has none yet) setting one up. Nothing else in the app opens before this.
 */
export function SecondStepRoute() {
  const me = useMe();
  const navigate = useNavigate();
  const logout = useLogout();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const finish = () => void navigate(next, { replace: true });

  if (me.isError && isUnauthenticated(me.error)) return <Navigate to="/login" replace />;
  if (me.isPending) return <Loading />;
  if (me.isError) return <LoadError error={me.error} what="your account" />;
  const stage = me.data.session.stage;
  if (stage === 'complete') return <Navigate to={next} replace />;
  const cancel = (
    <p className="login-card__links">
      <Button variant="quiet" onPress={() => void logout.mutateAsync().finally(() => window.location.replace('/login'))}>
        Cancel and sign out
      </Button>
    </p>
  );
  if (stage === 'second_factor') {
    return (
      <SignInFrame title="Enter your code">
        <SecondFactorForm onDone={finish} />
        {cancel}
      </SignInFrame>
    );
  }
  return (
    <SignInFrame title="Set up two-step sign-in">
      <p>
        Your role in the program, {me.data.person.firstName}, needs a second step at sign-in: a code from an app on your phone, so that a
        password alone never opens Peerline.
      </p>
      <AuthenticatorSetup doneLabel="I have saved my codes: continue" onDone={() => void me.refetch().then(finish)} />
      {cancel}
    </SignInFrame>
  );
}
