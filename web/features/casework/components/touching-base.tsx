import { useState } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { useOutreachTemplates, type OutreachTemplate } from '../api/casework.ts';

/** Fills in the two placeholders; the text is the program's, never the supporter's. */
export function fillTemplate(text: string, firstName: string, supporterFirstName: string): string {
  return text.replaceAll('{firstName}', firstName).replaceAll('{supporterFirstName}', supporterFirstName);
}

function TemplateCard({ template, text }: { template: OutreachTemplate; text: string }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const titleId = `template-${template.id}-title`;
  const full = template.subject ? `${template.subject}\n\n${text}` : text;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(full);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <li className="template" aria-labelledby={titleId}>
      <div className="template__head">
        <h3 id={titleId} className="template__title">
          {template.title}
        </h3>
        <Button onPress={() => void copy()} aria-describedby={titleId}>
          Copy
        </Button>
      </div>
      {template.subject && (
        <p className="template__subject">
          <span className="muted">Subject:</span> {template.subject}
        </p>
      )}
      <p className="template__text">{text}</p>
      <p className="template__status" role="status">
        {copied === 'yes'
          ? 'Copied. Paste it into your own e-mail or phone.'
          : copied === 'failed'
            ? 'Could not copy: select the text and copy it yourself.'
            : ''}
      </p>
    </li>
  );
}

/** "Touching base" messages, ready to copy into the supporter's own mail or phone; Peerline sends nothing. */
export function TouchingBase({ firstName, supporterFirstName }: { firstName: string; supporterFirstName: string }) {
  const templates = useOutreachTemplates();
  return (
    <section className="card stack stack--tight" aria-labelledby="touching-base-title">
      <h2 id="touching-base-title">Touching base</h2>
      <p className="muted">
        Ready-made messages with {firstName}’s name and yours filled in. Copy one into your own e-mail, phone or text messages: Peerline
        never sends them.
      </p>
      {templates.isPending ? (
        <Loading label="Loading messages…" />
      ) : templates.isError ? (
        <LoadError error={templates.error} what="the messages" />
      ) : (
        <ul className="template-list">
          {templates.data.map((template) => (
            <TemplateCard key={template.id} template={template} text={fillTemplate(template.text, firstName, supporterFirstName)} />
          ))}
        </ul>
      )}
    </section>
  );
}
