import {
  TextField as AriaTextField,
  FieldError,
  Input,
  Label,
  Text,
  TextArea,
  type TextFieldProps as AriaTextFieldProps,
} from 'react-aria-components';

export interface TextFieldProps extends Omit<AriaTextFieldProps, 'children' | 'className'> {
  label: string;
  description?: string;
  /** Shown instead of the built-in validation message when set. */
  errorMessage?: string;
  placeholder?: string;
  multiline?: boolean;
  className?: string;
}

/** Label, input, help text and error message wired together by React Aria. */
export function TextField({ label, description, errorMessage, placeholder, multiline, className, ...props }: TextFieldProps) {
  return (
    <AriaTextField {...props} isInvalid={errorMessage ? true : props.isInvalid} className={['field', className].filter(Boolean).join(' ')}>
      <Label className="field__label">{label}</Label>
      {multiline ? (
        <TextArea className="field__input" placeholder={placeholder} />
      ) : (
        <Input className="field__input" placeholder={placeholder} />
      )}
      {description && (
        <Text slot="description" className="field__description">
          {description}
        </Text>
      )}
      <FieldError className="field__error">{errorMessage}</FieldError>
    </AriaTextField>
  );
}
