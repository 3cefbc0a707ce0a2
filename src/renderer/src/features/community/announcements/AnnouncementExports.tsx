import { Button, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconFileExport } from '@tabler/icons-react';
import { useState } from 'react';
import type { Announcement, CommunityGroup } from '../../../../../shared/contract';
import { useI18n } from '../../../i18n';
import { useGroups } from '../api';
import { PlatformBadge } from '../PlatformBadge';
import { ExportModal } from './ExportModal';

/** The saved announcement's groups, each with the text shaped for its platform one click away. */
export function AnnouncementExports({ announcement, unsaved }: { announcement: Announcement; unsaved: boolean }) {
  const { t } = useI18n();
  const groups = useGroups(true);
  const [exporting, setExporting] = useState<CommunityGroup | null>(null);
  const linked = (groups.data?.groups ?? []).filter((g) => announcement.groupIds.includes(g.id));

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="announcement-exports-title">
      <Title order={3} fz="md" mb="xs" id="announcement-exports-title">{t('community.export.title')}</Title>
      {unsaved && <Text size="sm" c="orange" mb="xs">{t('community.export.unsaved')}</Text>}
      {linked.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="exports-empty">{t('community.export.noGroups')}</Text>
      ) : (
        <Table verticalSpacing={6} data-testid="exports-table">
          <Table.Tbody>
            {linked.map((g) => (
              <Table.Tr key={g.id} data-testid="export-row" data-group-id={g.id}>
                <Table.Td>{g.name}</Table.Td>
                <Table.Td><PlatformBadge platform={g.platform} /></Table.Td>
                <Table.Td ta="right">
                  <Button size="xs" variant="light" leftSection={<IconFileExport size={14} />} onClick={() => setExporting(g)} data-testid="export-open">
                    {t('community.export.open')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Stack>
        {exporting && <ExportModal announcementId={announcement.id} version={announcement.version} group={exporting} onClose={() => setExporting(null)} />}
      </Stack>
    </Paper>
  );
}
