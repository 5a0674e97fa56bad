import './two-step.css';
import { useState } from 'react';
import { Button } from '../../../components/ui/button.tsx';

/** The recovery codes, shown once: copy or download them, then confirm they are kept safe. */
export function RecoveryCodes({ codes, onDone, doneLabel }: { codes: string[]; onDone: () => void; doneLabel: string }) {
  const [copied, setCopied] = useState(false);
  const text = `Peerline recovery codes (each works once)\n\n${codes.join('\n')}\n`;
  const download = () => {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'peerline-recovery-codes.txt';
    link.click();
    URL.revokeObjectURL(url);
  };
  return (
    <div className="stack">
      <p>
        If you lose your phone, one of these codes signs you in instead of the app. Each works once. Keep them somewhere safe and private,
        such as a password manager; they are not shown again.
      </p>
      <ul className="recovery-codes" aria-label="Recovery codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <div className="button-row">
        <Button onPress={() => void navigator.clipboard?.writeText(text).then(() => setCopied(true))}>
          {copied ? 'Copied' : 'Copy codes'}
        </Button>
        <Button onPress={download}>Download codes</Button>
      </div>
      <Button variant="primary" onPress={onDone}>
        {doneLabel}
      </Button>
    </div>
  );
}
