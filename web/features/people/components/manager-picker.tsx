import { useEffect, useState } from 'react';
import { Button, ComboBox, FieldError, Input, Label, ListBox, ListBoxItem, Popover, Text, type Key } from 'react-aria-components';
import { useDebouncedValue } from '../../../hooks/use-debounced-value.ts';
import { usePeople } from '../api/get-people.ts';
import { usePerson } from '../api/get-person.ts';

export interface ManagerPickerProps {
  value: string | null;
  onChange: (id: string | null) => void;
  /** The person being edited cannot be their own manager. */
  excludeId?: string;
  errorMessage?: string;
}

const fullName = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`;

/** Searches the directory as you type; clearing the text removes the manager. */
export function ManagerPicker({ value, onChange, excludeId, errorMessage }: ManagerPickerProps) {
  const current = usePerson(value);
  const [inputValue, setInputValue] = useState('');
  // Show the current manager's name once it has loaded (and after it changes elsewhere).
  useEffect(() => {
    if (current.data) setInputValue(fullName(current.data));
  }, [current.data]);
  const search = useDebouncedValue(inputValue, 250);
  const results = usePeople({ q: search || undefined, limit: 8, active: 'true' }, { enabled: search.length >= 2 });
  const items = (results.data?.people ?? [])
    .filter((p) => p.id !== excludeId)
    .map((p) => ({ id: p.id, name: fullName(p), email: p.workEmail }));
  if (current.data && !items.some((i) => i.id === current.data.id)) {
    items.unshift({ id: current.data.id, name: fullName(current.data), email: current.data.workEmail });
  }
  return (
    <ComboBox
      className="field"
      items={items}
      value={value}
      onChange={(key: Key | null) => {
        if (key !== null) onChange(String(key));
      }}
      inputValue={inputValue}
      onInputChange={(text) => {
        setInputValue(text);
        if (text === '') onChange(null);
      }}
      allowsEmptyCollection
      menuTrigger="input"
      isInvalid={errorMessage ? true : undefined}
    >
      <Label className="field__label">Manager</Label>
      <div className="combobox__group">
        <Input className="field__input combobox__input" />
        <Button className="combobox__button" aria-label="Show matches">
          <span aria-hidden="true">▾</span>
        </Button>
      </div>
      <Text slot="description" className="field__description">
        Type at least two letters of a name. Used so that no one is matched with someone in their reporting line.
      </Text>
      <FieldError className="field__error">{errorMessage}</FieldError>
      <Popover className="popover">
        <ListBox
          className="listbox"
          renderEmptyState={() => <p className="listbox__empty">{search.length < 2 ? 'Keep typing…' : 'No one found'}</p>}
        >
          {(item: (typeof items)[number]) => (
            <ListBoxItem id={item.id} textValue={item.name} className="listbox__item">
              <span>{item.name}</span>
              <span className="listbox__secondary">{item.email}</span>
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
