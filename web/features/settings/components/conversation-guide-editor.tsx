import './conversation-guide-editor.css';
import { useEffect, useRef, useState } from 'react';
import { Form } from 'react-aria-components';
import type { ConversationGuide, GuideSection } from '../../../../shared/schemas/conversations.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Notice } from '../../../components/ui/notice.tsx';
import { errorMessage, LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { fieldErrors } from '../../../lib/api-client.ts';
import { formatDateTime } from '../../../lib/case-vocabulary.ts';
import { useConversationGuideSettings, useSaveConversationGuide } from '../api/conversation-settings.ts';
import { ConversationGuidePreview } from './conversation-guide-preview.tsx';

/** A section while it is edited: prompts are one text box, one prompt a line. */
interface DraftSection {
  id: string;
  title: string;
  promptsText: string;
}

const toDraft = (section: GuideSection): DraftSection => ({
  id: section.id,
  title: section.title,
  promptsText: section.prompts.join('\n'),
});
const toSection = (draft: DraftSection): GuideSection => ({
  id: draft.id,
  title: draft.title.trim(),
  prompts: draft.promptsText
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean),
});

/** Ids are never shown; new sections get the first free `section-N` (the server wants them unique). */
function newSectionId(sections: DraftSection[]): string {
  const taken = new Set(sections.map((s) => s.id));
  let n = sections.length + 1;
  while (taken.has(`section-${n}`)) n += 1;
  return `section-${n}`;
}

/**
 * The program's conversation guide, for the director. Each save is a new version (older ones
 * stay on the server); supporters always see the latest. It holds prompts only: supporters
 * cannot type into it, so nothing said in a conversation is stored.
 */
export function ConversationGuideSettings() {
  const guide = useConversationGuideSettings();
  const save = useSaveConversationGuide();
  return (
    <section className="card stack stack--tight" aria-labelledby="guide-editor-title">
      <h2 id="guide-editor-title">Conversation guide</h2>
      <p className="muted">
        Shown to the supporter during the conversation, on each of their open cases: prompts for the opening and the limits of
        confidentiality, listening, common questions, coping, resources and closing. Supporters cannot type into it; nothing said is stored.
      </p>
      {guide.isPending ? (
        <Loading label="Loading the guide…" />
      ) : guide.isError ? (
        <LoadError error={guide.error} what="the conversation guide" />
      ) : (
        // A new version from the server starts a fresh draft from what was saved.
        <GuideEditor key={guide.data.version} guide={guide.data} save={save} />
      )}
    </section>
  );
}

function GuideEditor({ guide, save }: { guide: ConversationGuide; save: ReturnType<typeof useSaveConversationGuide> }) {
  const [drafts, setDrafts] = useState<DraftSection[]>(() => guide.sections.map(toDraft));
  const errors = fieldErrors(save.error);
  const sections = drafts.map(toSection);
  const listRef = useRef<HTMLOListElement>(null);
  /**
   * Where keyboard focus goes after adding, removing or moving a section: the button pressed may
   * be gone or disabled, and focus must not fall back to the top of the page.
   */
  const [focusAfter, setFocusAfter] = useState<{ index: number; target: 'title' | 'up' | 'down' } | null>(null);
  useEffect(() => {
    if (!focusAfter) return;
    const item = listRef.current?.children[focusAfter.index];
    const buttons = item?.querySelectorAll<HTMLButtonElement>('.guide-editor__section-actions button:not([disabled])');
    const button = [...(buttons ?? [])].find((b) => b.getAttribute('aria-label')?.endsWith(focusAfter.target)) ?? buttons?.[0];
    (focusAfter.target === 'title' ? item?.querySelector('input') : button)?.focus();
    setFocusAfter(null);
  }, [focusAfter]);

  const change = (next: DraftSection[]) => {
    save.reset();
    setDrafts(next);
  };
  const edit = (index: number, patch: Partial<DraftSection>) => change(drafts.map((d, i) => (i === index ? { ...d, ...patch } : d)));
  const move = (index: number, by: -1 | 1) => {
    const next = [...drafts];
    const [moved] = next.splice(index, 1);
    if (!moved) return;
    next.splice(index + by, 0, moved);
    change(next);
    setFocusAfter({ index: index + by, target: by < 0 ? 'up' : 'down' });
  };
  const remove = (index: number) => {
    change(drafts.filter((_, i) => i !== index));
    setFocusAfter({ index: Math.min(index, drafts.length - 2), target: 'title' });
  };
  const add = () => {
    change([...drafts, { id: newSectionId(drafts), title: '', promptsText: '' }]);
    setFocusAfter({ index: drafts.length, target: 'title' });
  };
  /** The server names the exact prompt (`sections.2.prompts.4`); the box holds all of them. */
  const promptsError = (index: number): string | undefined => {
    const prefix = `sections.${index}.prompts`;
    const key = Object.keys(errors).find((k) => k === prefix || k.startsWith(`${prefix}.`));
    if (!key) return undefined;
    const line = key.slice(prefix.length + 1);
    return line ? `Prompt ${Number(line) + 1}: ${errors[key]}` : errors[key];
  };
  const sectionErrorShown = (key: string) => /^sections\.\d+\.(title|prompts)/.test(key);
  const otherErrors = Object.entries(errors).filter(([key]) => !sectionErrorShown(key));

  return (
    <>
      <p>
        <strong>Version {guide.version}</strong>, saved {formatDateTime(guide.createdAt)}
        {guide.version === 1 && ' (the default, drawn from real programs)'}.
      </p>
      <div className="guide-editor">
        <Form
          className="form"
          aria-label="Edit the conversation guide"
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate({ sections });
          }}
        >
          {save.isError && (
            <Notice tone="error" title="Nothing was saved">
              {Object.keys(errors).length === 0 ? (
                errorMessage(save.error)
              ) : otherErrors.length === 0 ? (
                'Check the sections marked below.'
              ) : (
                <ul>
                  {otherErrors.map(([key, message]) => (
                    <li key={key}>{message}</li>
                  ))}
                </ul>
              )}
            </Notice>
          )}
          {save.isSuccess && <Notice tone="success">Saved as version {guide.version}. Supporters see it now.</Notice>}
          <ol className="guide-editor__sections" ref={listRef}>
            {drafts.map((draft, index) => (
              <li key={draft.id}>
                <fieldset className="guide-editor__section">
                  <legend>Section {index + 1}</legend>
                  <TextField
                    label="Title"
                    value={draft.title}
                    onChange={(title) => edit(index, { title })}
                    isRequired
                    maxLength={120}
                    errorMessage={errors[`sections.${index}.title`]}
                  />
                  <TextField
                    label="Prompts, one per line"
                    multiline
                    value={draft.promptsText}
                    onChange={(promptsText) => edit(index, { promptsText })}
                    isRequired
                    description="Up to 20 prompts of up to 300 characters each."
                    errorMessage={promptsError(index)}
                  />
                  <div className="guide-editor__section-actions">
                    <Button
                      variant="quiet"
                      isDisabled={index === 0}
                      onPress={() => move(index, -1)}
                      aria-label={`Move section ${index + 1} up`}
                    >
                      Move up
                    </Button>
                    <Button
                      variant="quiet"
                      isDisabled={index === drafts.length - 1}
                      onPress={() => move(index, 1)}
                      aria-label={`Move section ${index + 1} down`}
                    >
                      Move down
                    </Button>
                    <Button
                      variant="quiet"
                      isDisabled={drafts.length === 1}
                      onPress={() => remove(index)}
                      aria-label={`Remove section ${index + 1}`}
                    >
                      Remove
                    </Button>
                  </div>
                </fieldset>
              </li>
            ))}
          </ol>
          <div className="guide-editor__actions">
            <Button isDisabled={drafts.length >= 20} onPress={add}>
              Add a section
            </Button>
            <Button type="submit" variant="primary" isPending={save.isPending}>
              Save as version {guide.version + 1}
            </Button>
          </div>
        </Form>
        <ConversationGuidePreview sections={sections} />
      </div>
    </>
  );
}
