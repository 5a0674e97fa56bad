import { useEffect } from 'react';
import { RadioGroupField } from '../../../components/ui/radio-group.tsx';
import { languageName, MODALITY_LABELS } from '../../../lib/case-vocabulary.ts';
import { PROFESSION_CATEGORY_LABELS } from '../../../lib/profession-categories.ts';
import { useSupporterDirectory, type DirectoryFilter, type DirectorySupporter } from '../api/supporter-directory.ts';

/** The form's value: null = let the program match me (the default). */
export type ChosenSupporter = string | null;

const MATCH_ME = 'match';
const CHOOSE = 'choose';

function describe(s: DirectorySupporter): string {
  const languages = s.languages.map(languageName).join(', ');
  const modalities = s.modalities.map((m) => MODALITY_LABELS[m].toLowerCase()).join(', ');
  return [PROFESSION_CATEGORY_LABELS[s.professionCategory], languages, modalities && `talks by ${modalities}`].filter(Boolean).join(' · ');
}

export interface SupporterChoiceFieldProps {
  filter: DirectoryFilter;
  /** Whether "choose yourself" is selected (the list is shown). */
  choosing: boolean;
  onChoosingChange: (choosing: boolean) => void;
  value: ChosenSupporter;
  onChange: (value: ChosenSupporter) => void;
  errorMessage?: string;
}

/**
 * "Choose a supporter yourself", where the program allows it. The list comes from the server and holds
 * only supporters who could take this request (the matcher's hard rules), so it changes with the
 * department and language choices above; a choice that drops out of the list is cleared.
 */
export function SupporterChoiceField({ filter, choosing, onChoosingChange, value, onChange, errorMessage }: SupporterChoiceFieldProps) {
  const directory = useSupporterDirectory(filter, choosing);
  const supporters = directory.data ?? [];
  const droppedOut = !directory.isFetching && directory.data !== undefined && value !== null && !supporters.some((s) => s.id === value);
  useEffect(() => {
    if (droppedOut) onChange(null);
  }, [droppedOut, onChange]);

  return (
    <div className="supporter-choice">
      <RadioGroupField
        label="Who should your peer supporter be?"
        name="supporterChoice"
        options={[
          {
            id: MATCH_ME,
            label: 'Let the program match me',
            description: 'Recommended: the best fit among those free now, and the next one if they cannot.',
          },
          {
            id: CHOOSE,
            label: 'Choose a supporter yourself',
            description: 'From the program’s directory: first name, profession, languages and how they talk.',
          },
        ]}
        value={choosing ? CHOOSE : MATCH_ME}
        onChange={(id) => {
          onChoosingChange(id === CHOOSE);
          if (id !== CHOOSE) onChange(null);
        }}
      />
      {choosing &&
        (directory.isPending ? (
          <p className="muted">Loading the directory…</p>
        ) : directory.isError ? (
          <p className="muted">The directory could not be loaded. The program will match you instead.</p>
        ) : supporters.length === 0 ? (
          <p className="muted" role="status">
            Nobody in the directory fits the choices above right now. The program will match you instead.
          </p>
        ) : (
          <RadioGroupField
            label="Supporters who could take your request"
            description="If the one you choose cannot answer in time, the program matches you with someone else; you do not need to ask again."
            name="supporterId"
            className="supporter-choice__list"
            options={supporters.map((s) => ({ id: s.id, label: s.firstName, description: describe(s) }))}
            value={value}
            onChange={(id) => onChange(id)}
            isRequired
            errorMessage={errorMessage}
          />
        ))}
    </div>
  );
}
