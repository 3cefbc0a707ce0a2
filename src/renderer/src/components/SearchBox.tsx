import { CloseButton, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';

const DEBOUNCE_MS = 300;

/**
 * A search field that waits for a pause in typing, so each keystroke does not
 * start a query (Enter searches at once). A search set from outside (a saved
 * view, "clear filters") replaces what is typed.
 */
export function SearchBox({ value, onChange, label, placeholder, clearLabel, testId, maw = 400 }: {
  value: string | undefined;
  onChange: (search: string) => void;
  label: string;
  placeholder: string;
  clearLabel: string;
  testId: string;
  maw?: number;
}) {
  const [text, setText] = useState(value ?? '');
  const [debounced] = useDebouncedValue(text, DEBOUNCE_MS);
  useEffect(() => {
    if ((value ?? '') !== debounced.trim()) onChange(debounced.trim());
    // Only the typed text drives this; a value set from outside replaces the text below.
  }, [debounced]);
  useEffect(() => {
    if ((value ?? '') !== debounced.trim()) setText(value ?? '');
  }, [value]);
  return (
    <TextInput
      // Takes the row's spare width, and wraps to its own line when there is none.
      style={{ flex: '1 1 210px' }}
      maw={maw}
      aria-label={label}
      placeholder={placeholder}
      leftSection={<IconSearch size={16} aria-hidden />}
      value={text}
      maxLength={100}
      onChange={(event) => setText(event.currentTarget.value)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') onChange(text.trim());
      }}
      rightSection={text ? <CloseButton size="sm" aria-label={clearLabel} onClick={() => setText('')} /> : null}
      data-testid={testId}
    />
  );
}
