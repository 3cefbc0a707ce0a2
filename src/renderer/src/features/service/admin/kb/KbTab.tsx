import { Grid, Paper, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useI18n } from '../../../../i18n';
import { useKbArticles } from '../api';
import { ContentFilters, type LanguageChoice } from '../ContentFilters';
import { ContentList } from '../ContentList';
import { KbEditor } from './KbEditor';

/** The knowledge base: articles found by their words (the same search staff use from a reply), and their editor. */
export function KbTab() {
  const { t, locale } = useI18n();
  const [language, setLanguage] = useState<LanguageChoice>('all');
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const [selected, setSelected] = useState<number | 'new' | null>(null);
  const articles = useKbArticles({ language: language === 'all' ? undefined : language, search: debounced });
  const current = typeof selected === 'number' ? articles.data?.find((a) => a.id === selected) : undefined;
  return (
    <Grid gap="lg" data-testid="kb-tab">
      <Grid.Col span={{ base: 12, md: 5, lg: 4 }}>
        <ContentList
          filters={
            <ContentFilters
              language={language}
              search={search}
              onLanguage={setLanguage}
              onSearch={setSearch}
              searchLabel={t('service.admin.kb.search')}
              testId="kb"
            />
          }
          query={articles}
          items={articles.data}
          selectedId={selected}
          onSelect={setSelected}
          onNew={() => setSelected('new')}
          newLabel={t('service.admin.kb.new')}
          emptyText={search || language !== 'all' ? t('service.admin.kb.noMatch') : t('service.admin.kb.empty')}
          testId="kb"
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 7, lg: 8 }}>
        {selected === 'new' || current ? (
          <KbEditor
            key={current ? current.id : 'new'}
            article={current ?? null}
            defaultLanguage={language === 'all' ? locale : language}
            onSaved={(article) => setSelected(article.id)}
            reload={async () => (await articles.refetch()).data?.find((a) => a.id === selected)}
          />
        ) : (
          <Paper withBorder radius="md" p="xl" data-testid="kb-none">
            <Text c="dimmed" size="sm">{t('service.admin.kb.choose')}</Text>
          </Paper>
        )}
      </Grid.Col>
    </Grid>
  );
}
