import { useState } from 'react';
import { Form } from 'react-aria-components';
import { NAME_MAX, SHORT_TEXT_MAX } from '../../../../shared/limits.ts';
import {
  RESOURCE_CATEGORIES,
  RESOURCE_CATEGORY_LABELS,
  type Resource,
  type ResourceCategory,
} from '../../../../shared/schemas/resources.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Notice } from '../../../components/ui/notice.tsx';
import { errorMessage } from '../../../components/ui/query-status.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { fieldErrors } from '../../../lib/api-client.ts';
import type { ResourceInput } from '../api/resources.ts';

const CATEGORY_OPTIONS = RESOURCE_CATEGORIES.map((id) => ({ id, label: RESOURCE_CATEGORY_LABELS[id] }));

interface ResourceFormValues {
  category: ResourceCategory | null;
  name: string;
  phone: string;
  url: string;
  hours: string;
  description: string;
}

const valuesFrom = (resource: Resource | undefined): ResourceFormValues => ({
  category: resource?.category ?? null,
  name: resource?.name ?? '',
  phone: resource?.phone ?? '',
  url: resource?.url ?? '',
  hours: resource?.hours ?? '',
  description: resource?.description ?? '',
});

/** Empty optional fields are sent as null ("none"), not as empty strings the server would refuse. */
const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

export interface ResourceFormProps {
  /** Set when editing. */
  resource?: Resource;
  submitLabel: string;
  error: unknown;
  isPending: boolean;
  onSubmit: (input: ResourceInput & { category: ResourceCategory }) => void;
  onCancel: () => void;
  onEdited: () => void;
}

/** Category, name and the ways to reach the service; used by both "add" and "edit". */
export function ResourceForm({ resource, submitLabel, error, isPending, onSubmit, onCancel, onEdited }: ResourceFormProps) {
  const [values, setValues] = useState(() => valuesFrom(resource));
  const errors = fieldErrors(error);
  const set = (patch: Partial<ResourceFormValues>) => {
    onEdited();
    setValues((v) => ({ ...v, ...patch }));
  };
  const noContact = values.phone.trim() === '' && values.url.trim() === '';
  return (
    <Form
      className="form"
      validationErrors={errors}
      onSubmit={(event) => {
        event.preventDefault();
        if (!values.category) return;
        onSubmit({
          category: values.category,
          name: values.name.trim(),
          phone: orNull(values.phone),
          url: orNull(values.url),
          hours: orNull(values.hours),
          description: values.description.trim(),
        });
      }}
    >
      {Boolean(error) && Object.keys(errors).length === 0 && <Notice tone="error">{errorMessage(error)}</Notice>}
      <SelectField
        label="Category"
        name="category"
        options={CATEGORY_OPTIONS}
        value={values.category}
        onChange={(id) => set({ category: id as ResourceCategory | null })}
        isRequired
        errorMessage={errors.category}
      />
      <TextField
        label="Name"
        name="name"
        value={values.name}
        onChange={(name) => set({ name })}
        isRequired
        maxLength={NAME_MAX}
        autoComplete="off"
      />
      <div className="form__row">
        <TextField
          label="Phone number"
          name="phone"
          type="tel"
          value={values.phone}
          onChange={(phone) => set({ phone })}
          maxLength={40}
          autoComplete="off"
          description="Digits, spaces, + ( ) - and . only."
        />
        <TextField
          label="Link"
          name="url"
          inputMode="url"
          value={values.url}
          onChange={(url) => set({ url })}
          maxLength={500}
          autoComplete="off"
          placeholder="https://"
          description="An https:// address."
        />
      </div>
      {noContact && <p className="muted resource-form__hint">Add a phone number or a link, so people can reach the service.</p>}
      <TextField
        label="Hours"
        name="hours"
        value={values.hours}
        onChange={(hours) => set({ hours })}
        maxLength={SHORT_TEXT_MAX}
        description="For example: 24 hours, or Monday to Friday, 8 AM to 5 PM."
      />
      <TextField
        label="Short description"
        name="description"
        value={values.description}
        onChange={(description) => set({ description })}
        multiline
        maxLength={SHORT_TEXT_MAX}
        description={`Who it is for and what to expect; up to ${SHORT_TEXT_MAX} characters.`}
      />
      <div className="dialog__actions">
        <Button onPress={onCancel}>Cancel</Button>
        <Button type="submit" variant="primary" isPending={isPending}>
          {submitLabel}
        </Button>
      </div>
    </Form>
  );
}
