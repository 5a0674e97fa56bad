import { useMemo } from 'react';
import { Button, ComboBox, FieldError, Input, Label, ListBox, ListBoxItem, Popover, Text, type Key } from 'react-aria-components';

/** All IANA zones the browser knows; the current value is kept even if the browser lacks it. */
function zoneList(current: string): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return zones.includes(current) || !current ? zones : [current, ...zones];
}

export interface TimeZoneFieldProps {
  label: string;
  value: string;
  onChange: (zone: string) => void;
  description?: string;
  errorMessage?: string;
}

/** A searchable list of time zones (type "new_york" or "Oslo"). */
export function TimeZoneField({ label, value, onChange, description, errorMessage }: TimeZoneFieldProps) {
  const items = useMemo(() => zoneList(value).map((zone) => ({ id: zone, name: zone.replaceAll('_', ' ') })), [value]);
  return (
    <ComboBox
      className="field"
      defaultItems={items}
      value={value}
      onChange={(key: Key | null) => {
        if (key !== null) onChange(String(key));
      }}
      isInvalid={errorMessage ? true : undefined}
    >
      <Label className="field__label">{label}</Label>
      <div className="combobox__group">
        <Input className="field__input combobox__input" />
        <Button className="combobox__button" aria-label="Show time zones">
          <span aria-hidden="true">▾</span>
        </Button>
      </div>
      {description && (
        <Text slot="description" className="field__description">
          {description}
        </Text>
      )}
      <FieldError className="field__error">{errorMessage}</FieldError>
      <Popover className="popover">
        <ListBox className="listbox">
          {(item: (typeof items)[number]) => (
            <ListBoxItem id={item.id} textValue={item.name} className="listbox__item">
              {item.name}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
