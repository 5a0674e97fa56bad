import { FieldError, Input, Label, NumberField, Text } from 'react-aria-components';

export const CAPACITY_MAX = 20;

export interface CapacityFieldProps {
  label: string;
  value: number;
  onChange: (value: number) => void;
  description?: string;
  errorMessage?: string;
}

/** A whole number from 0 to 20; arrow keys step by one, and an emptied field counts as 0. */
export function CapacityField({ label, value, onChange, description, errorMessage }: CapacityFieldProps) {
  return (
    <NumberField
      className="field capacity-field"
      name="capacity"
      value={value}
      onChange={(next) => onChange(Number.isNaN(next) ? 0 : next)}
      minValue={0}
      maxValue={CAPACITY_MAX}
      step={1}
      formatOptions={{ maximumFractionDigits: 0 }}
      isInvalid={errorMessage ? true : undefined}
    >
      <Label className="field__label">{label}</Label>
      <Input className="field__input" />
      {description && (
        <Text slot="description" className="field__description">
          {description}
        </Text>
      )}
      <FieldError className="field__error">{errorMessage}</FieldError>
    </NumberField>
  );
}
