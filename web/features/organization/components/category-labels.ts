/** The labels live in lib/ because the supporter pool shows profession categories too. */
export {
  PROFESSION_CATEGORY_LABELS as CATEGORY_LABELS,
  PROFESSION_CATEGORY_OPTIONS as CATEGORY_OPTIONS,
} from '../../../lib/profession-categories.ts';
