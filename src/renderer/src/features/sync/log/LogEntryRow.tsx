import { Badge, Code, Collapse, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import type { SyncLogEntry } from '../../../../../shared/contract';
import { useI18n } from '../../../i18n';
import { LEVEL_COLORS, levelLabel, resourceLabel } from '../labels';
import { useSyncTime } from '../time';
import { useSyncSentences } from '../messages';

/** One line of a run's log; its details (ids, counts, the platform's words) open below it. */
export function LogEntryRow({ entry }: { entry: SyncLogEntry }) {
  const { t } = useI18n();
  const sentences = useSyncSentences();
  const time = useSyncTime();
  const [opened, { toggle }] = useDisclosure(false);
  const hasDetail = Object.keys(entry.detail).length > 0;
  const line = (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      {hasDetail ? (opened ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />) : <span style={{ width: 14 }} />}
      <Text size="xs" c="dimmed" w={150} style={{ flexShrink: 0 }}>{time.at(entry.at)}</Text>
      <Badge size="sm" variant="light" color={LEVEL_COLORS[entry.level]} w={80} style={{ flexShrink: 0 }}>{levelLabel(t, entry.level)}</Badge>
      {entry.resource && <Badge size="sm" variant="outline" color="gray" tt="none" style={{ flexShrink: 0 }}>{resourceLabel(t, entry.resource)}</Badge>}
      <Text size="sm">{sentences.message(entry.message)}</Text>
    </Group>
  );
  return (
    <Stack gap={2} data-testid="sync-log-entry" data-level={entry.level}>
      {hasDetail ? (
        <UnstyledButton onClick={toggle} aria-expanded={opened} title={t('sync.log.details')} py={2}>{line}</UnstyledButton>
      ) : <div style={{ padding: '2px 0' }}>{line}</div>}
      {hasDetail && (
        <Collapse expanded={opened}>
          <Code block ml={22} fz="xs">{JSON.stringify(entry.detail, null, 2)}</Code>
        </Collapse>
      )}
    </Stack>
  );
}
