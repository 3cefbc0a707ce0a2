import { Button, Grid, NavLink, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconMessageCircle, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { QueryError } from '../../../components/QueryError';
import { useI18n } from '../../../i18n';
import { useTemplates } from '../api';
import { TemplateEditor } from './TemplateEditor';
import { EmptyPanel } from '../EmptyPanel';

/** Message templates for the groups and direct messages, with the same variables as the service desk's macros. */
export function TemplatesTab() {
  const { t, format } = useI18n();
  const list = useTemplates();
  const [chosen, setChosen] = useState<number | 'new' | null>(null);
  const templates = list.data?.templates ?? [];
  const current = typeof chosen === 'number' ? templates.find((m) => m.id === chosen) ?? null : null;

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Stack gap="sm">
          <Button leftSection={<IconPlus size={16} />} onClick={() => setChosen('new')} data-testid="template-new">{t('community.templates.new')}</Button>
          {list.isPending ? <Skeleton height={120} /> : list.isError ? (
            <QueryError error={list.error} onRetry={() => void list.refetch()} />
          ) : templates.length === 0 ? (
            <Text size="sm" c="dimmed" data-testid="templates-empty">{t('community.templates.empty')}</Text>
          ) : (
            <Paper withBorder radius="md" p={4} component="nav" aria-label={t('community.tab.templates')}>
              {templates.map((m) => (
                <NavLink
                  key={m.id}
                  component="button"
                  active={chosen === m.id}
                  label={m.name}
                  description={format.date(m.updatedAt)}
                  rightSection={m.unknownVariables.length > 0 ? <IconAlertTriangle size={16} color="var(--mantine-color-orange-6)" aria-label={t('community.templates.hasUnknown')} /> : null}
                  onClick={() => setChosen(m.id)}
                  data-testid="template-item"
                  data-template-id={m.id}
                />
              ))}
            </Paper>
          )}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 8 }}>
        {chosen === null || (typeof chosen === 'number' && !current) ? (
          <EmptyPanel icon={IconMessageCircle} title={t('community.templates.noneTitle')}
            body={t('community.templates.noneBody')} testId="template-none" />
        ) : (
          <TemplateEditor key={chosen} template={current} onSaved={(saved) => setChosen(saved.id)} />
        )}
      </Grid.Col>
    </Grid>
  );
}
