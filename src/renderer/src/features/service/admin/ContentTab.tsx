import { Grid, Paper, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { UseQueryResult } from '@tanstack/react-query';
import { Fragment, useState, type ComponentType } from 'react';
import type { ContentLanguage } from '../../../../../shared/contract';
import { useI18n } from '../../../i18n';
import type { ContentFilter } from './api';
import { ContentFilters, type LanguageChoice } from './ContentFilters';
import { ContentList, type ContentItem } from './ContentList';

/** What the editor of one macro or article is given by its tab. */
export interface ContentEditorProps<T> {
  /** null for a new one. */
  item: T | null;
  defaultLanguage: ContentLanguage;
  onSaved: (saved: T) => void;
  /** The saved copy, read again after a stale save was refused. */
  reload: () => Promise<T | undefined>;
}

/** The language and words the list is narrowed by, and which item is open ('new' for one not saved yet). */
export function useContentBrowser() {
  const { locale } = useI18n();
  const [language, setLanguage] = useState<LanguageChoice>('all');
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const [selected, setSelected] = useState<number | 'new' | null>(null);
  const filter: ContentFilter = { language: language === 'all' ? undefined : language, search: debounced };
  return { language, setLanguage, search, setSearch, selected, setSelected, filter, defaultLanguage: language === 'all' ? locale : language };
}

export type ContentBrowser = ReturnType<typeof useContentBrowser>;

/**
 * A macros or knowledge-base tab: the searchable list on the left, the
 * editor of the one chosen (or of a new one) on the right, and a sentence
 * saying what to do while none is chosen.
 */
export function ContentTab<T extends { id: number }>(props: {
  area: 'kb' | 'macros';
  browser: ContentBrowser;
  query: UseQueryResult<T[]>;
  toItem: (item: T) => ContentItem;
  Editor: ComponentType<ContentEditorProps<T>>;
  noneTestId: string;
}) {
  const { t } = useI18n();
  const { area, browser, query, Editor } = props;
  const { language, search, selected } = browser;
  const current = typeof selected === 'number' ? query.data?.find((item) => item.id === selected) : undefined;
  return (
    <Grid gap="lg" data-testid={`${area}-tab`}>
      <Grid.Col span={{ base: 12, md: 5, lg: 4 }}>
        <ContentList
          filters={
            <ContentFilters
              language={language}
              search={search}
              onLanguage={browser.setLanguage}
              onSearch={browser.setSearch}
              searchLabel={t(`service.admin.${area}.search`)}
              testId={area}
            />
          }
          query={query}
          items={query.data?.map(props.toItem)}
          selectedId={selected}
          onSelect={browser.setSelected}
          onNew={() => browser.setSelected('new')}
          newLabel={t(`service.admin.${area}.new`)}
          emptyText={search || language !== 'all' ? t(`service.admin.${area}.noMatch`) : t(`service.admin.${area}.empty`)}
          testId={area}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 7, lg: 8 }}>
        {selected === 'new' || current ? (
          <Fragment key={current ? current.id : 'new'}>
            <Editor
              item={current ?? null}
              defaultLanguage={browser.defaultLanguage}
              onSaved={(saved) => browser.setSelected(saved.id)}
              reload={async () => (await query.refetch()).data?.find((item) => item.id === selected)}
            />
          </Fragment>
        ) : (
          <Paper withBorder radius="md" p="xl" data-testid={props.noneTestId}>
            <Text c="dimmed" size="sm">{t(`service.admin.${area}.choose`)}</Text>
          </Paper>
        )}
      </Grid.Col>
    </Grid>
  );
}
