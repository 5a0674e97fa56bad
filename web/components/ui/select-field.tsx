import type { Key } from 'react-aria-components';
import { Button, FieldError, Label, ListBox, ListBoxItem, Popover, Select, SelectValue, Text } from 'react-aria-components';

export interface SelectOption {
  id: string;
  label: string;
  /** Indentation level, for options that form a tree (departments). */
  depth?: number;
}

export interface SelectFieldProps {
  label: string;
  options: readonly SelectOption[];
  value: string | null;
  onChange: (value: string | null) => void;
  name?: string;
  description?: string;
  placeholder?: string;
  errorMessage?: string;
  isDisabled?: boolean;
  isRequired?: boolean;
  className?: string;
}

/** A single-choice React Aria Select with a visible label; values are ids (strings). */
export function SelectField({
  label,
  options,
  value,
  onChange,
  name,
  description,
  placeholder = 'Choose…',
  errorMessage,
  isDisabled,
  isRequired,
  className,
}: SelectFieldProps) {
  return (
    <Select
      className={['field', className].filter(Boolean).join(' ')}
      value={value}
      onChange={(key: Key | null) => onChange(key === null ? null : String(key))}
      name={name}
      placeholder={placeholder}
      isDisabled={isDisabled}
      isRequired={isRequired}
      isInvalid={errorMessage ? true : undefined}
    >
      <Label className="field__label">{label}</Label>
      <Button className="field__input select__button">
        <SelectValue className="select__value" />
        <span aria-hidden="true" className="select__chevron">
          ▾
        </span>
      </Button>
      {description && (
        <Text slot="description" className="field__description">
          {description}
        </Text>
      )}
      <FieldError className="field__error">{errorMessage}</FieldError>
      <Popover className="popover">
        <ListBox className="listbox" items={options}>
          {(option) => (
            <ListBoxItem
              id={option.id}
              textValue={option.label}
              className="listbox__item"
              style={option.depth ? { paddingInlineStart: `${0.75 + option.depth * 1.25}rem` } : undefined}
            >
              {option.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </Select>
  );
}
