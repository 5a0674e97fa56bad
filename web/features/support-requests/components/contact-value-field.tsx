import { EMAIL_MAX } from '../../../../shared/limits.ts';
import type { ContactMethod } from '../../../../shared/schemas/case.ts';
import { TextField } from '../../../components/ui/text-field.tsx';
import { CONTACT_METHOD_LABELS } from '../../../lib/case-vocabulary.ts';

export interface ContactValueFieldProps {
  method: ContactMethod;
  value: string;
  onChange: (value: string) => void;
  errorMessage?: string;
}

/** The e-mail address or phone number for the chosen way of contact. */
export function ContactValueField({ method, value, onChange, errorMessage }: ContactValueFieldProps) {
  const email = method.endsWith('email');
  return (
    <TextField
      className="request-contact-value"
      label={email ? `${CONTACT_METHOD_LABELS[method]} address` : `${CONTACT_METHOD_LABELS[method]} number`}
      name="contactValue"
      type={email ? 'email' : 'tel'}
      autoComplete={email ? 'email' : 'tel'}
      value={value}
      onChange={onChange}
      maxLength={email ? EMAIL_MAX : 40}
      isRequired
      description={email ? undefined : 'Digits, spaces, + ( ) - and . only.'}
      errorMessage={errorMessage}
    />
  );
}
