import { PROFESSION_CATEGORIES, type ProfessionCategory } from '../../shared/schemas/organization.ts';

/** Categories drive matching (physician with physician, nurse with nurse), so they are fixed. */
export const PROFESSION_CATEGORY_LABELS: Record<ProfessionCategory, string> = {
  physician: 'Physician',
  resident_fellow: 'Resident or fellow',
  nurse: 'Nurse',
  advanced_practice_provider: 'Advanced practice provider',
  pharmacist: 'Pharmacist',
  allied_health: 'Allied health',
  other: 'Other',
};

export const PROFESSION_CATEGORY_OPTIONS = PROFESSION_CATEGORIES.map((id) => ({ id, label: PROFESSION_CATEGORY_LABELS[id] }));
