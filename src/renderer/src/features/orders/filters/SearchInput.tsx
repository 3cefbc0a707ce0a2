import { CloseButton, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useT } from '../../../i18n';

const DEBOUNCE_MS = 300;

/**
 * Typing waits a moment before searching, so each keystroke does not start a
 * query. A search set from outside (a saved view, "clear filters") replaces
 * what is typed.
 */
export function SearchInput({ value, onChange }: { value: string | undefined; onChange: (search: string) => void }) {
  const t = useT();
  const [text, setText] = useState(value ?? '');
  const [debounced] = useDebouncedValue(text, DEBOUNCE_MS);

  useEffect(() => {
    if ((value ?? '') !== debounced.trim()) onChange(debounced.trim());
    // Only the typed text drives this; `value` changes are handled below.
  }, [debounced]);

  useEffect(() => {
    if ((value ?? '') !== debounced.trim()) setText(value ?? '');
  }, [value]);

  return (
    <TextInput
      // Takes the row's spare width, and wraps to its own line when there is none.
      style={{ flex: '1 1 200px' }}
      maw={420}
      aria-label={t('orders.filter.search')}
      placeholder={t('orders.filter.searchPlaceholder')}
      leftSection={<IconSearch size={16} aria-hidden />}
      value={text}
      maxLength={100}
      onChange={(event) => setText(event.currentTarget.value)}
      onKeyDown={(event) => {
        // Enter searches at once, without waiting for the pause.
        if (event.key === 'Enter') onChange(text.trim());
      }}
      rightSection={
        text ? <CloseButton size="sm" aria-label={t('orders.filter.clear')} onClick={() => setText('')} /> : null
      }
      data-testid="orders-search"
    />
  );
}
