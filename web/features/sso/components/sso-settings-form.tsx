import './sso.css';
import { useState } from 'react';
import { Form } from 'react-aria-components';
import type { SsoSettings } from '../../../../shared/schemas/sso.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Checkbox } from '../../../components/ui/checkbox.tsx';
import { Notice } from '../../../components/ui/notice.tsx';
import { errorMessage } from '../../../components/ui/query-status.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { fieldErrors } from '../../../lib/api-client.ts';
import { useSaveSsoSettings } from '../api/sso-settings.ts';

const splitDomains = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((d) => d.trim())
    .filter(Boolean);

/** The redirect URI to register at the provider: read-only, with a copy button. */
function RedirectUri({ value }: { value: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="sso-redirect">
      <TextField
        label="Redirect URI to register at your provider"
        value={value}
        isReadOnly
        description="Register exactly this address as the application’s redirect (reply) URI, type Web."
      />
      <Button onPress={() => void navigator.clipboard?.writeText(value).then(() => setCopied(true))}>{copied ? 'Copied' : 'Copy'}</Button>
    </div>
  );
}

/**
 * The organisation's single sign-on, for the IT administrator (docs/decisions/012-single-sign-on.md).
 * The client secret never appears: only the name of the server variable that holds it, and whether
 * that variable is set.
 */
export function SsoSettingsForm({ settings }: { settings: SsoSettings }) {
  const save = useSaveSsoSettings();
  const [enabled, setEnabled] = useState(settings.enabled);
  const [issuer, setIssuer] = useState(settings.issuer);
  const [clientId, setClientId] = useState(settings.clientId);
  const [clientSecretEnv, setClientSecretEnv] = useState(settings.clientSecretEnv || 'PEERLINE_SSO_CLIENT_SECRET');
  const [domains, setDomains] = useState(settings.allowedDomains.join(', '));
  const [buttonLabel, setButtonLabel] = useState(settings.buttonLabel || 'Sign in with your organisation account');
  const [trustProviderMfa, setTrustProviderMfa] = useState(settings.trustProviderMfa);
  const [passwordSignIn, setPasswordSignIn] = useState(settings.passwordSignIn);
  const raw = fieldErrors(save.error);
  // The server names the bad domain (allowedDomains.2); the form has one field for them all.
  const domainError = Object.entries(raw).find(([name]) => name.startsWith('allowedDomains'))?.[1];
  const errors = domainError ? { ...raw, allowedDomains: domainError } : raw;
  const current = save.data ?? settings;
  return (
    <section className="card stack" aria-labelledby="sso-title">
      <h2 id="sso-title">Single sign-on (OpenID Connect)</h2>
      <p className="muted">
        People sign in with your organisation’s identity provider (Microsoft Entra ID, Okta, Ping, Keycloak…). Peerline links each sign-in
        to the person in its staff directory with the same verified work e-mail, then remembers that identity. Roles always come from
        Peerline, never from the provider.
      </p>
      <RedirectUri value={current.redirectUri} />
      <Form
        className="form"
        validationErrors={errors}
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate({
            enabled,
            issuer,
            clientId,
            clientSecretEnv,
            allowedDomains: splitDomains(domains),
            buttonLabel,
            trustProviderMfa,
            passwordSignIn,
          });
        }}
      >
        {save.isError && Object.keys(errors).length === 0 && <Notice tone="error">{errorMessage(save.error)}</Notice>}
        {save.isSuccess && <Notice tone="success">Single sign-on settings saved.</Notice>}
        <Checkbox isSelected={enabled} onChange={setEnabled}>
          Single sign-on is on: the sign-in page shows the button below
        </Checkbox>
        <TextField
          label="Issuer URL"
          name="issuer"
          value={issuer}
          onChange={setIssuer}
          isRequired
          description="As your provider publishes it. Entra ID: https://login.microsoftonline.com/<tenant id>/v2.0 · Keycloak: https://<host>/realms/<realm>. Must be https (plain http only for a provider on this server)."
        />
        <TextField
          label="Client ID"
          name="clientId"
          value={clientId}
          onChange={setClientId}
          isRequired
          description="The application (client) ID your provider gave Peerline."
        />
        <TextField
          label="Name of the environment variable holding the client secret"
          name="clientSecretEnv"
          value={clientSecretEnv}
          onChange={setClientSecretEnv}
          isRequired
          description="The client secret is read from the server environment variable you name here; it is never stored in Peerline. Capital letters, digits and _."
        />
        <p className={`sso-secret-status${current.clientSecretEnvSet ? '' : ' sso-secret-status--missing'}`} role="status">
          {!current.configured
            ? 'Save to check whether this variable is set on the server.'
            : current.clientSecretEnvSet
              ? `${current.clientSecretEnv} is set on this server.`
              : `${current.clientSecretEnv} is not set on this server: single sign-on cannot start until your server administrator sets it and restarts Peerline.`}
        </p>
        <TextField
          label="Allowed e-mail domains"
          name="allowedDomains"
          value={domains}
          onChange={setDomains}
          isRequired
          description="Separated by commas, e.g. riverside.org, east.riverside.org. A sign-in with an address in any other domain is refused."
        />
        <TextField
          label="Button text"
          name="buttonLabel"
          value={buttonLabel}
          onChange={setButtonLabel}
          isRequired
          description="Shown on the sign-in page, e.g. “Sign in with Riverside Entra ID”."
        />
        <Checkbox isSelected={trustProviderMfa} onChange={setTrustProviderMfa}>
          Trust the provider’s multi-factor: when it reports a second factor (RFC 8176 “amr”: mfa, otp, hardware key…), Peerline does not
          ask for its own
        </Checkbox>
        <Checkbox isSelected={passwordSignIn} onChange={setPasswordSignIn}>
          Everyone may also sign in with a Peerline password
        </Checkbox>
        <p className="muted field__description">
          {passwordSignIn
            ? 'Untick to make single sign-on the only way in.'
            : 'Only IT administrators keep password sign-in (break-glass, for when the provider is down or misconfigured); everyone else gets the usual “e-mail or password is incorrect” answer.'}
        </p>
        {errors.passwordSignIn && <Notice tone="error">{errors.passwordSignIn}</Notice>}
        <Button type="submit" variant="primary" isPending={save.isPending} className="form__submit">
          Save single sign-on
        </Button>
      </Form>
    </section>
  );
}
