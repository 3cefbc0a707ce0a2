import { Grid, Paper, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useI18n } from '../../../../i18n';
import { useMacros } from '../api';
import { ContentFilters, type LanguageChoice } from '../ContentFilters';
import { ContentList } from '../ContentList';
import { MacroEditor } from './MacroEditor';

/** Canned replies in both languages: a searchable list beside the editor of the one chosen. */
export function MacrosTab() {
  const { t, locale } = useI18n();
  const [language, setLanguage] = useState<LanguageChoice>('all');
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const [selected, setSelected] = useState<number | 'new' | null>(null);
  const macros = useMacros({ language: language === 'all' ? undefined : language, search: debounced });
  const current = typeof selected === 'number' ? macros.data?.find((m) => m.id === selected) : undefined;
  return (
    <Grid gap="lg" data-testid="macros-tab">
      <Grid.Col span={{ base: 12, md: 5, lg: 4 }}>
        <ContentList
          filters={
            <ContentFilters
              language={language}
              search={search}
              onLanguage={setLanguage}
              onSearch={setSearch}
              searchLabel={t('service.admin.macros.search')}
              testId="macros"
            />
          }
          query={macros}
          items={macros.data?.map((m) => ({ id: m.id, title: m.name, language: m.language, body: m.body, active: m.active }))}
          selectedId={selected}
          onSelect={setSelected}
          onNew={() => setSelected('new')}
          newLabel={t('service.admin.macros.new')}
          emptyText={search || language !== 'all' ? t('service.admin.macros.noMatch') : t('service.admin.macros.empty')}
          testId="macros"
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 7, lg: 8 }}>
        {selected === 'new' || current ? (
          <MacroEditor
            key={current ? current.id : 'new'}
            macro={current ?? null}
            defaultLanguage={language === 'all' ? locale : language}
            onSaved={(macro) => setSelected(macro.id)}
            reload={async () => (await macros.refetch()).data?.find((m) => m.id === selected)}
          />
        ) : (
          <Paper withBorder radius="md" p="xl" data-testid="macro-none">
            <Text c="dimmed" size="sm">{t('service.admin.macros.choose')}</Text>
          </Paper>
        )}
      </Grid.Col>
    </Grid>
  );
}
