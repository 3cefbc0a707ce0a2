import { Button, Group, Loader, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useI18n } from '../../../i18n';
import { useKbSearch } from '../api';

/** Knowledge-base articles found by words; "Insert" puts an article's text into the reply. */
export function KbPanel({ onInsert }: { onInsert: (text: string) => void }) {
  const { t, locale } = useI18n();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 300);
  const results = useKbSearch(debounced, locale, true);
  const articles = results.data ?? [];
  return (
    <Paper withBorder radius="md" p="sm" data-testid="kb-panel">
      <TextInput
        size="xs"
        aria-label={t('service.kb.search')}
        placeholder={t('service.kb.searchPlaceholder')}
        leftSection={<IconSearch size={14} aria-hidden />}
        rightSection={results.isFetching ? <Loader size="xs" /> : null}
        value={query}
        maxLength={200}
        onChange={(e) => setQuery(e.currentTarget.value)}
        data-testid="kb-search"
      />
      <Stack gap={6} mt="xs" mah={240} style={{ overflowY: 'auto' }}>
        {results.isError && <Text size="sm" c="red">{t('service.kb.failed')}</Text>}
        {!results.isPending && !results.isError && articles.length === 0 && (
          <Text size="sm" c="dimmed" data-testid="kb-empty">{debounced ? t('service.kb.none') : t('service.kb.noneAtAll')}</Text>
        )}
        {articles.map((article) => (
          <Group key={article.id} justify="space-between" wrap="nowrap" align="flex-start" gap="xs" data-testid="kb-article">
            <Stack gap={0} miw={0} style={{ flex: 1 }}>
              <Text size="sm" fw={500} truncate>{article.title}</Text>
              <Text size="xs" c="dimmed" lineClamp={2}>{article.body}</Text>
            </Stack>
            <Button size="compact-xs" variant="light" style={{ flex: 'none' }} onClick={() => onInsert(article.body)} aria-label={t('service.kb.insertArticle', { title: article.title })} data-testid="kb-insert">
              {t('service.kb.insert')}
            </Button>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
