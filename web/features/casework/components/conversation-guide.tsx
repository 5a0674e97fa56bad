import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { useConversationGuide } from '../api/casework.ts';

/** The program's conversation guide: prompts to read, with nowhere to type (nothing said is stored). */
export function ConversationGuidePanel() {
  const guide = useConversationGuide();
  return (
    <section className="card stack stack--tight" aria-labelledby="guide-title">
      <h2 id="guide-title">Conversation guide</h2>
      {guide.isPending ? (
        <Loading label="Loading the guide…" />
      ) : guide.isError ? (
        <LoadError error={guide.error} what="the conversation guide" />
      ) : (
        <>
          <p className="muted">Prompts to keep in mind while you talk. There is nothing to fill in: what is said stays between you.</p>
          {guide.data.sections.map((section) => (
            <details key={section.id} className="guide-section">
              <summary className="guide-section__title">{section.title}</summary>
              <ul className="guide-section__prompts">
                {section.prompts.map((prompt) => (
                  <li key={prompt}>{prompt}</li>
                ))}
              </ul>
            </details>
          ))}
        </>
      )}
    </section>
  );
}
