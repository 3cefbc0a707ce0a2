import { CloseButton, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useT } from '../../i18n';

const DEBOUNCE_MS = 300;

/** A search field that waits for a pause in typing (Enter searches at once). */
export function SearchBox({
  value,
  onChange,
  label,
  placeholder,
  testId,
}: {
  value: string | undefined;
  onChange: (search: string) => void;
  label: string;
  placeholder: string;
  testId: string;
}) {
  const t = useT();
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
      style={{ flex: '1 1 220px' }}
      maw={380}
      aria-label={label}
      placeholder={placeholder}
      leftSection={<IconSearch size={16} aria-hidden />}
      value={text}
      maxLength={100}
      onChange={(event) => setText(event.currentTarget.value)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') onChange(text.trim());
      }}
      rightSection={text ? <CloseButton size="sm" aria-label={t('logistics.filter.clearSearch')} onClick={() => setText('')} /> : null}
      data-testid={testId}
    />
  );
}
