import { PROFESSION_CATEGORIES, PROFESSION_CATEGORY_LABELS } from '../../shared/schemas/organization.ts';

export { PROFESSION_CATEGORY_LABELS };

export const PROFESSION_CATEGORY_OPTIONS = PROFESSION_CATEGORIES.map((id) => ({ id, label: PROFESSION_CATEGORY_LABELS[id] }));
