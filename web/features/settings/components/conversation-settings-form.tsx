import { useState } from 'react';
import { Form } from 'react-aria-components';
import { Button } from '../../../components/ui/button.tsx';
import { Notice } from '../../../components/ui/notice.tsx';
import { errorMessage, LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { fieldErrors } from '../../../lib/api-client.ts';
import { useConversationSettings, useUpdateConversationSettings, type ConversationSettings } from '../api/conversation-settings.ts';

/** An empty box means "none" for the two optional settings. */
const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

/**
 * What calendar invites and escalation alerts say. Invites land in shared and work calendars, so
 * their title must reveal nothing: the server refuses "support", reasons and roles, and shows why.
 */
export function ConversationSettingsSection() {
  const settings = useConversationSettings();
  return (
    <section className="card stack stack--tight" aria-labelledby="conversation-settings-title">
      <h2 id="conversation-settings-title">Conversations</h2>
      {settings.isPending ? (
        <Loading label="Loading conversation settings…" />
      ) : settings.isError ? (
        <LoadError error={settings.error} what="the conversation settings" />
      ) : (
        <ConversationSettingsForm settings={settings.data} />
      )}
    </section>
  );
}

function ConversationSettingsForm({ settings }: { settings: ConversationSettings }) {
  const update = useUpdateConversationSettings();
  const [conversationTitle, setConversationTitle] = useState(settings.conversationTitle);
  const [videoLinkPattern, setVideoLinkPattern] = useState(settings.videoLinkPattern ?? '');
  const [crisisBackupEmail, setCrisisBackupEmail] = useState(settings.crisisBackupEmail ?? '');
  const errors = fieldErrors(update.error);
  const edit = (set: (value: string) => void) => (value: string) => {
    update.reset();
    set(value);
  };
  return (
    <Form
      className="form"
      validationErrors={errors}
      onSubmit={(event) => {
        event.preventDefault();
        update.mutate({ conversationTitle, videoLinkPattern: orNull(videoLinkPattern), crisisBackupEmail: orNull(crisisBackupEmail) });
      }}
    >
      {update.isError && (
        <Notice tone="error">
          {Object.keys(errors).length ? 'Nothing was saved. Check the fields marked below.' : errorMessage(update.error)}
        </Notice>
      )}
      {update.isSuccess && <Notice tone="success">Conversation settings saved.</Notice>}
      <TextField
        label="Conversation invite title"
        name="conversationTitle"
        value={conversationTitle}
        onChange={edit(setConversationTitle)}
        isRequired
        maxLength={80}
        description='The only words calendar invites show, for both people. Invites sit in shared and work calendars, so keep it neutral: no "support" (never "peer support"), no reason for the conversation, no role.'
      />
      <TextField
        label="Video meeting link pattern (optional)"
        name="videoLinkPattern"
        value={videoLinkPattern}
        onChange={edit(setVideoLinkPattern)}
        maxLength={300}
        description="An https link containing {token}, for example https://meet.example.org/{token}. Each planned video conversation gets its own link, with {token} replaced by a random code. Leave empty to switch video conversations off: supporters can then plan only phone or in-person ones."
      />
      <TextField
        label="Mental-health back-up e-mail (optional)"
        name="crisisBackupEmail"
        type="email"
        value={crisisBackupEmail}
        onChange={edit(setCrisisBackupEmail)}
        description="Alerted together with the director when a supporter escalates imminent risk; it receives only 'Something urgent needs you now. Please call the program director.' Use a team pager or crisis desk. Leave empty to alert only the program directors."
      />
      <Button type="submit" variant="primary" isPending={update.isPending} className="form__submit">
        Save conversation settings
      </Button>
    </Form>
  );
}
