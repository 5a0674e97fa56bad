import type { Person, PersonInput, PersonPatch } from '../../../../shared/schemas/person.ts';

/** What the person form edits: plain strings, as inputs hold them. */
export interface PersonFormValues {
  firstName: string;
  lastName: string;
  workEmail: string;
  professionId: string | null;
  departmentId: string | null;
  specialty: string;
  /** Comma- or space-separated language codes, e.g. "en, es". */
  languages: string;
  managerId: string | null;
}

export const emptyPersonForm: PersonFormValues = {
  firstName: '',
  lastName: '',
  workEmail: '',
  professionId: null,
  departmentId: null,
  specialty: '',
  languages: '',
  managerId: null,
};

export function formValuesFromPerson(person: Person): PersonFormValues {
  return {
    firstName: person.firstName,
    lastName: person.lastName,
    workEmail: person.workEmail,
    professionId: person.professionId,
    departmentId: person.departmentId,
    specialty: person.specialty ?? '',
    languages: person.languages.join(', '),
    managerId: person.managerId,
  };
}

/** The request body. Blank specialty means "none"; the server validates language codes. */
export function personInputFromForm(values: PersonFormValues): PersonInput {
  return {
    firstName: values.firstName.trim(),
    lastName: values.lastName.trim(),
    workEmail: values.workEmail.trim(),
    professionId: values.professionId,
    departmentId: values.departmentId,
    specialty: values.specialty.trim() || null,
    languages: values.languages
      .split(/[\s,;]+/)
      .map((code) => code.trim().toLowerCase())
      .filter(Boolean),
    managerId: values.managerId,
  };
}

/**
 * Server paths for arrays look like `languages.1`; show them on the one languages field.
 */
export function personFieldErrors(errors: Record<string, string>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    const name = path.split('.')[0] ?? path;
    result[name] ??= message;
  }
  return result;
}

/**
 * Only the fields that differ from the stored person, so a save never overwrites what someone
 * else changed meanwhile in another field (and the audit log records real changes only).
 */
export function changedFields(person: Person, input: PersonInput): PersonPatch {
  const before = personInputFromForm(formValuesFromPerson(person));
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(input) as (keyof PersonInput)[]) {
    if (JSON.stringify(input[key] ?? null) !== JSON.stringify(before[key] ?? null)) patch[key] = input[key];
  }
  return patch as PersonPatch;
}
