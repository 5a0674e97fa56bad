import type { GuideSection } from '../../../../shared/schemas/conversations.ts';

/**
 * The guide as supporters see it on a case (web/features/casework/components/conversation-guide.tsx):
 * folded sections of prompts, nothing to type into. That panel loads the saved guide itself, so the
 * unsaved draft is drawn here with the same structure and words.
 */
export function ConversationGuidePreview({ sections }: { sections: GuideSection[] }) {
  return (
    <section className="guide-editor__preview stack stack--tight" aria-labelledby="guide-preview-title">
      <h3 id="guide-preview-title">Preview: what supporters see</h3>
      <p className="muted">Prompts to keep in mind while you talk. There is nothing to fill in: what is said stays between you.</p>
      {sections.map((section) => (
        <details key={section.id} className="guide-preview__section">
          <summary className="guide-preview__title">{section.title || 'Untitled section'}</summary>
          <ul className="guide-preview__prompts">
            {section.prompts.map((prompt, index) => (
              <li key={index}>{prompt}</li>
            ))}
          </ul>
        </details>
      ))}
    </section>
  );
}
