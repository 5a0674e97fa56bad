import type { OrganizationStructure } from '../../../../shared/schemas/organization.ts';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { flattenDepartmentTree } from '../../../lib/department-tree.ts';
import { ManagerPicker } from './manager-picker.tsx';
import type { PersonFormValues } from './person-form-values.ts';

const NONE = '__none__';

export interface PersonFieldsProps {
  values: PersonFormValues;
  onChange: (patch: Partial<PersonFormValues>) => void;
  structure: OrganizationStructure;
  errors: Record<string, string>;
  /** Set when editing, so the person cannot be picked as their own manager. */
  personId?: string;
  /** The work e-mail is how the person signs in: only those who may change their account change it. */
  emailLocked?: boolean;
}

/** The directory facts about a person, shared by the "add person" dialog and the edit page. */
export function PersonFields({ values, onChange, structure, errors, personId, emailLocked = false }: PersonFieldsProps) {
  const professionOptions = [
    { id: NONE, label: 'Not set' },
    ...structure.professions
      .filter((p) => p.active || p.id === values.professionId)
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((p) => ({ id: p.id, label: p.name })),
  ];
  const departmentOptions = [
    { id: NONE, label: 'Not set' },
    ...flattenDepartmentTree(structure.departments.filter((d) => d.active || d.id === values.departmentId)).map(
      ({ department, depth }) => ({ id: department.id, label: department.name, depth }),
    ),
  ];
  return (
    <div className="form__grid">
      <TextField
        label="First name"
        name="firstName"
        value={values.firstName}
        onChange={(firstName) => onChange({ firstName })}
        isRequired
        autoComplete="off"
      />
      <TextField
        label="Last name"
        name="lastName"
        value={values.lastName}
        onChange={(lastName) => onChange({ lastName })}
        isRequired
        autoComplete="off"
      />
      <TextField
        label="Work e-mail"
        name="workEmail"
        type="email"
        value={values.workEmail}
        onChange={(workEmail) => onChange({ workEmail })}
        isRequired
        isDisabled={emailLocked}
        description={emailLocked ? 'Also how they sign in: only someone who could grant all their roles can change it.' : undefined}
        autoComplete="off"
        className="form__wide"
      />
      <SelectField
        label="Profession"
        options={professionOptions}
        value={values.professionId ?? NONE}
        onChange={(id) => onChange({ professionId: id === NONE ? null : id })}
        errorMessage={errors.professionId}
      />
      <SelectField
        label="Department"
        options={departmentOptions}
        value={values.departmentId ?? NONE}
        onChange={(id) => onChange({ departmentId: id === NONE ? null : id })}
        errorMessage={errors.departmentId}
      />
      <TextField
        label="Specialty"
        name="specialty"
        value={values.specialty}
        onChange={(specialty) => onChange({ specialty })}
        description="For example: emergency medicine, oncology nursing."
      />
      <TextField
        label="Languages"
        name="languages"
        value={values.languages}
        onChange={(languages) => onChange({ languages })}
        description="Language codes separated by commas, e.g. en, es."
        errorMessage={errors.languages}
      />
      <div className="form__wide">
        <ManagerPicker
          value={values.managerId}
          onChange={(managerId) => onChange({ managerId })}
          excludeId={personId}
          errorMessage={errors.managerId}
        />
      </div>
    </div>
  );
}
