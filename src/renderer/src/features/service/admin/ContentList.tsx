import { Badge, Button, Group, NavLink, Paper, ScrollArea, Skeleton, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { ContentLanguage } from '../../../../../shared/contract';
import { QueryError } from '../../../components/QueryError';
import { useT } from '../../../i18n';

export interface ContentItem {
  id: number;
  title: string;
  language: ContentLanguage;
  body: string;
  active: boolean;
}

/**
 * The left column of the macro and article editors: filters, a "new" button
 * and the items as links (Tab and Enter reach every one), or a sentence
 * saying what to do when there are none.
 */
export function ContentList(props: {
  filters: ReactNode;
  query: { isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown };
  items: ContentItem[] | undefined;
  selectedId: number | 'new' | null;
  onSelect: (id: number) => void;
  onNew: () => void;
  newLabel: string;
  emptyText: string;
  testId: string;
}) {
  const t = useT();
  const { query, items } = props;
  return (
    <Paper withBorder radius="md" p="md" data-testid={`${props.testId}-list`}>
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Text fw={600} size="sm">{t('service.admin.count', { count: items?.length ?? 0 })}</Text>
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={props.onNew} data-testid={`${props.testId}-new`}>
            {props.newLabel}
          </Button>
        </Group>
        {props.filters}
        {query.isPending && <Skeleton height={200} />}
        {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
        {items && items.length === 0 && (
          <Text size="sm" c="dimmed" py="md" data-testid={`${props.testId}-empty`}>
            {props.emptyText}
          </Text>
        )}
        {items && items.length > 0 && (
          <ScrollArea.Autosize mah={560} type="auto" offsetScrollbars>
            <Stack gap={2}>
              {items.map((item) => (
                <NavLink
                  key={item.id}
                  component="button"
                  type="button"
                  active={props.selectedId === item.id}
                  onClick={() => props.onSelect(item.id)}
                  label={item.title}
                  description={<Text size="xs" c="dimmed" lineClamp={1}>{item.body}</Text>}
                  rightSection={
                    <Group gap={4} wrap="nowrap">
                      {!item.active && <Badge size="xs" color="gray" variant="light">{t('service.admin.inactive')}</Badge>}
                      <Badge size="xs" variant="outline">{t(`service.admin.language.short.${item.language}`)}</Badge>
                    </Group>
                  }
                  data-testid={`${props.testId}-item`}
                  data-id={item.id}
                />
              ))}
            </Stack>
          </ScrollArea.Autosize>
        )}
      </Stack>
    </Paper>
  );
}
