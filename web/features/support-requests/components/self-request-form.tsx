import './support-requests.css';
import { useCallback, useState } from 'react';
import { Form } from 'react-aria-components';
import { CONTACT_METHODS, type ContactMethod } from '../../../../shared/schemas/case.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Notice } from '../../../components/ui/notice.tsx';
import { errorMessage } from '../../../components/ui/query-status.tsx';
import { RadioGroupField } from '../../../components/ui/radio-group.tsx';
import { fieldErrors } from '../../../lib/api-client.ts';
import { CONTACT_METHOD_LABELS } from '../../../lib/case-vocabulary.ts';
import { useCreateSelfRequest } from '../api/my-requests.ts';
import { ContactValueField } from './contact-value-field.tsx';
import { DEFAULT_MATCHING, MatchingFields, type MatchingValues } from './matching-fields.tsx';
import { RequestConfirmation } from './request-confirmation.tsx';
import { SupporterChoiceField, type ChosenSupporter } from './supporter-choice-field.tsx';
import { WhoSeesThis } from './who-sees-this.tsx';

interface SelfRequestValues extends MatchingValues {
  contactMethod: ContactMethod;
  contactValue: string;
  /** Directory mode: "choose yourself" selected, and whom. */
  choosing: boolean;
  supporterId: ChosenSupporter;
}

export interface SelfRequestFormProps {
  /** Shown under "Work e-mail", so people know where the message will go. */
  workEmail: string;
  /** The program lets requesters choose their supporter, and this person may see the directory. */
  offerDirectory?: boolean;
}

/** "Ask for support": a short form of choices; on success, what happens next. */
export function SelfRequestForm({ workEmail, offerDirectory = false }: SelfRequestFormProps) {
  const create = useCreateSelfRequest();
  const [values, setValues] = useState<SelfRequestValues>({
    ...DEFAULT_MATCHING,
    contactMethod: 'work_email',
    contactValue: '',
    choosing: false,
    supporterId: null,
  });
  const errors = fieldErrors(create.error);
  const set = (patch: Partial<SelfRequestValues>) => {
    if (create.isError) create.reset();
    setValues((v) => ({ ...v, ...patch }));
  };
  const setSupporterId = useCallback((supporterId: ChosenSupporter) => setValues((v) => ({ ...v, supporterId })), []);

  if (create.isSuccess) {
    const contact =
      values.contactMethod === 'work_email'
        ? `your work e-mail (${workEmail})`
        : `${CONTACT_METHOD_LABELS[values.contactMethod].toLowerCase()} (${values.contactValue.trim()})`;
    return <RequestConfirmation urgency={create.data.urgency} contact={contact} signedIn />;
  }

  const contactOptions = CONTACT_METHODS.map((id) => ({
    id,
    label: CONTACT_METHOD_LABELS[id],
    description: id === 'work_email' ? workEmail : undefined,
  }));

  return (
    <Form
      className="form request-form card"
      aria-label="Ask for support"
      validationErrors={errors}
      onSubmit={(event) => {
        event.preventDefault();
        if (!values.reason) return;
        create.mutate({
          reason: values.reason,
          urgency: values.urgency,
          modality: values.modality,
          departmentPreference: values.departmentPreference,
          language: values.language,
          languageRequired: values.language ? values.languageRequired : false,
          contactMethod: values.contactMethod,
          ...(values.contactMethod === 'work_email' ? {} : { contactValue: values.contactValue.trim() }),
          ...(offerDirectory && values.choosing && values.supporterId ? { supporterId: values.supporterId } : {}),
        });
      }}
    >
      <MatchingFields values={values} onChange={set} errors={errors} askDepartment />
      {offerDirectory && (
        <SupporterChoiceField
          filter={{
            departmentPreference: values.departmentPreference,
            language: values.language,
            languageRequired: values.languageRequired,
          }}
          choosing={values.choosing}
          onChoosingChange={(choosing) => set({ choosing })}
          value={values.supporterId}
          onChange={setSupporterId}
          errorMessage={errors.supporterId}
        />
      )}
      <RadioGroupField
        label="How should your peer supporter reach you?"
        name="contactMethod"
        options={contactOptions}
        value={values.contactMethod}
        onChange={(method) => set({ contactMethod: method as ContactMethod, contactValue: '' })}
        isRequired
        errorMessage={errors.contactMethod}
      />
      {values.contactMethod !== 'work_email' && (
        <ContactValueField
          method={values.contactMethod}
          value={values.contactValue}
          onChange={(contactValue) => set({ contactValue })}
          errorMessage={errors.contactValue}
        />
      )}
      <WhoSeesThis identity="your name, how to reach you" />
      {create.isError && Object.keys(errors).length === 0 && <Notice tone="error">{errorMessage(create.error)}</Notice>}
      <Button type="submit" variant="primary" isPending={create.isPending} className="form__submit request-form__submit">
        Ask for support
      </Button>
    </Form>
  );
}
