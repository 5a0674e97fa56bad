import { useState } from 'react';
import { Form } from 'react-aria-components';
import { Button } from '../../../components/ui/button.tsx';
import { Notice } from '../../../components/ui/notice.tsx';
import { errorMessage, Loading, LoadError } from '../../../components/ui/query-status.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { fieldErrors } from '../../../lib/api-client.ts';
import { useCreateIntegrationToken, useEventTriggers, useIntegrationTokens, useRevokeIntegrationToken } from '../api/event-notices.ts';

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : '—');

/**
 * The director's organisation tokens for an incident-reporting system: each can file notices
 * (POST /api/integrations/event-notices) and do nothing else. The secret is shown once.
 */
export function IntegrationTokens() {
  const tokens = useIntegrationTokens();
  const triggers = useEventTriggers();
  const create = useCreateIntegrationToken();
  const revoke = useRevokeIntegrationToken();
  const [label, setLabel] = useState('');
  const errors = fieldErrors(create.error);

  return (
    <div className="stack">
      <Form
        className="form card"
        aria-label="New token"
        validationErrors={errors}
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate(label.trim(), { onSuccess: () => setLabel('') });
        }}
      >
        <TextField
          label="Name of the system"
          description="For example “Incident reporting (RL6)”."
          value={label}
          onChange={setLabel}
          isRequired
          errorMessage={errors.label}
        />
        <div>
          <Button type="submit" variant="primary" isDisabled={create.isPending}>
            Create token
          </Button>
        </div>
      </Form>
      {create.isSuccess && (
        <Notice tone="success" title="Copy this token now: it will not be shown again">
          <code className="event-token__secret">{create.data.secret}</code>
          <p>
            Send it as <code>Authorization: Bearer …</code> to <code>POST /api/integrations/event-notices</code>. It can file notices and
            nothing else.
          </p>
        </Notice>
      )}
      {create.isError && Object.keys(errors).length === 0 && <Notice tone="error">{errorMessage(create.error)}</Notice>}
      {tokens.isPending ? (
        <Loading />
      ) : tokens.isError ? (
        <LoadError error={tokens.error} what="the tokens" />
      ) : tokens.data.length === 0 ? (
        <p className="card">No tokens yet.</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <caption className="visually-hidden">Integration tokens</caption>
            <thead>
              <tr>
                <th scope="col">System</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.data.map((t) => (
                <tr key={t.id}>
                  <td>{t.label}</td>
                  <td>{when(t.createdAt)}</td>
                  <td>{when(t.lastUsedAt)}</td>
                  <td>{t.revokedAt ? `Revoked ${when(t.revokedAt)}` : 'Active'}</td>
                  <td>
                    {!t.revokedAt && (
                      <Button
                        variant="danger"
                        onPress={() => revoke.mutate(t.id)}
                        isDisabled={revoke.isPending}
                        aria-label={`Revoke ${t.label}`}
                      >
                        Revoke
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {triggers.data && (
        <details className="card">
          <summary>Trigger ids for the integration</summary>
          <ul>
            {triggers.data
              .filter((t) => t.active)
              .map((t) => (
                <li key={t.id}>
                  {t.label}: <code>{t.id}</code>
                </li>
              ))}
          </ul>
        </details>
      )}
    </div>
  );
}
