import './support-requests.css';
import { useState } from 'react';
import { Form } from 'react-aria-components';
import type { ContactMethod } from '../../../../shared/schemas/case.ts';
import type { ProfessionCategory } from '../../../../shared/schemas/organization.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Notice } from '../../../components/ui/notice.tsx';
import { errorMessage } from '../../../components/ui/query-status.tsx';
import { RadioGroupField } from '../../../components/ui/radio-group.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { fieldErrors } from '../../../lib/api-client.ts';
import { CONTACT_METHOD_LABELS } from '../../../lib/case-vocabulary.ts';
import { PROFESSION_CATEGORY_OPTIONS } from '../../../lib/profession-categories.ts';
import { useCreateAnonymousRequest } from '../api/anonymous-requests.ts';
import { AnonymousReceiptCard } from './anonymous-receipt.tsx';
import { ContactValueField } from './contact-value-field.tsx';
import { DEFAULT_MATCHING, MatchingFields, type MatchingValues } from './matching-fields.tsx';
import { WhoSeesThis } from './who-sees-this.tsx';

/** Personal ways first: someone asking without signing in may not want to use work channels. */
const ANONYMOUS_CONTACT_METHODS = [
  'personal_email',
  'personal_phone',
  'work_email',
  'work_phone',
] as const satisfies readonly ContactMethod[];
type AnonymousContactMethod = (typeof ANONYMOUS_CONTACT_METHODS)[number];
const CONTACT_OPTIONS = ANONYMOUS_CONTACT_METHODS.map((id) => ({ id, label: CONTACT_METHOD_LABELS[id] }));

const NOT_SAID = 'not_said';
const PROFESSION_CHOICES = [{ id: NOT_SAID, label: 'Prefer not to say' }, ...PROFESSION_CATEGORY_OPTIONS];

interface AnonymousValues extends MatchingValues {
  preferredName: string;
  professionCategory: ProfessionCategory | null;
  contactMethod: AnonymousContactMethod;
  contactValue: string;
}

/**
 * Asking without an account: a name to be greeted by, how to be reached, and the matching
 * choices. The answer is a code and a secret, shown once.
 */
export function AnonymousRequestForm({ organizationSlug }: { organizationSlug: string | undefined }) {
  const create = useCreateAnonymousRequest();
  const [values, setValues] = useState<AnonymousValues>({
    ...DEFAULT_MATCHING,
    preferredName: '',
    professionCategory: null,
    contactMethod: 'personal_email',
    contactValue: '',
  });
  const errors = fieldErrors(create.error);
  const set = (patch: Partial<AnonymousValues>) => {
    if (create.isError) create.reset();
    setValues((v) => ({ ...v, ...patch }));
  };

  if (create.isSuccess) return <AnonymousReceiptCard receipt={create.data} urgency={values.urgency} />;

  return (
    <Form
      className="form request-form card"
      aria-label="Ask for support without signing in"
      validationErrors={errors}
      onSubmit={(event) => {
        event.preventDefault();
        if (!values.reason) return;
        create.mutate({
          ...(organizationSlug ? { org: organizationSlug } : {}),
          preferredName: values.preferredName.trim(),
          professionCategory: values.professionCategory,
          reason: values.reason,
          urgency: values.urgency,
          modality: values.modality,
          departmentPreference: 'no_preference',
          language: values.language,
          languageRequired: values.language ? values.languageRequired : false,
          contactMethod: values.contactMethod,
          contactValue: values.contactValue.trim(),
        });
      }}
    >
      <div className="form__row">
        <TextField
          label="What should we call you?"
          name="preferredName"
          description="A first name, or any name you like."
          value={values.preferredName}
          onChange={(preferredName) => set({ preferredName })}
          maxLength={40}
          autoComplete="given-name"
          isRequired
          errorMessage={errors.preferredName}
        />
        <SelectField
          label="Your profession (optional)"
          name="professionCategory"
          description="Helps us find a peer who does similar work."
          options={PROFESSION_CHOICES}
          value={values.professionCategory ?? NOT_SAID}
          onChange={(id) => set({ professionCategory: !id || id === NOT_SAID ? null : (id as ProfessionCategory) })}
          errorMessage={errors.professionCategory}
        />
      </div>
      <MatchingFields values={values} onChange={set} errors={errors} askDepartment={false} />
      <RadioGroupField
        label="How should your peer supporter reach you?"
        name="contactMethod"
        orientation="horizontal"
        options={CONTACT_OPTIONS}
        value={values.contactMethod}
        onChange={(method) => set({ contactMethod: method as AnonymousContactMethod })}
        isRequired
        errorMessage={errors.contactMethod}
      />
      <ContactValueField
        method={values.contactMethod}
        value={values.contactValue}
        onChange={(contactValue) => set({ contactValue })}
        errorMessage={errors.contactValue}
      />
      <WhoSeesThis identity="the name you give here, how to reach you" />
      {create.isError && Object.keys(errors).length === 0 && <Notice tone="error">{errorMessage(create.error)}</Notice>}
      <Button type="submit" variant="primary" isPending={create.isPending} className="form__submit request-form__submit">
        Ask for support
      </Button>
    </Form>
  );
}
