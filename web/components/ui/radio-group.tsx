import { FieldError, Label, Radio, RadioGroup, Text } from 'react-aria-components';

export interface RadioOption {
  id: string;
  label: string;
  /** A second, quieter line under the label. */
  description?: string;
}

export interface RadioGroupFieldProps {
  label: string;
  options: readonly RadioOption[];
  value: string | null;
  onChange: (value: string) => void;
  name?: string;
  description?: string;
  errorMessage?: string;
  isRequired?: boolean;
  isDisabled?: boolean;
  /** `horizontal` lays short options side by side where there is room; they wrap on phones. */
  orientation?: 'vertical' | 'horizontal';
  className?: string;
}

/** A React Aria radio group with a visible label and options drawn like the app's checkboxes. */
export function RadioGroupField({
  label,
  options,
  value,
  onChange,
  name,
  description,
  errorMessage,
  isRequired,
  isDisabled,
  orientation = 'vertical',
  className,
}: RadioGroupFieldProps) {
  return (
    <RadioGroup
      className={['radio-group', `radio-group--${orientation}`, className].filter(Boolean).join(' ')}
      value={value}
      onChange={onChange}
      name={name}
      isRequired={isRequired}
      isDisabled={isDisabled}
      isInvalid={errorMessage ? true : undefined}
      orientation={orientation}
    >
      <Label className="field__label">{label}</Label>
      {description && (
        <Text slot="description" className="field__description">
          {description}
        </Text>
      )}
      <div className="radio-group__options">
        {options.map((option) => (
          <Radio key={option.id} value={option.id} className="radio">
            <span className="radio__circle" aria-hidden="true" />
            <span className="radio__text">
              <span className="radio__label">{option.label}</span>
              {option.description && <span className="radio__description">{option.description}</span>}
            </span>
          </Radio>
        ))}
      </div>
      <FieldError className="field__error">{errorMessage}</FieldError>
    </RadioGroup>
  );
}
