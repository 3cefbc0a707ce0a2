import { List, Text } from '@mantine/core';
import { IconShieldLock } from '@tabler/icons-react';
import type { RecsDataUsed } from '../../../../../shared/contract';
import { useI18n } from '../../../i18n';
import { dataUsedSentence } from '../labels';

/** "Which data this used": the privacy statement beside every preview, one sentence per kind of data. */
export function DataUsed({ used, testId }: { used: RecsDataUsed[]; testId: string }) {
  const { t, format } = useI18n();
  return (
    <div data-testid={testId}>
      <Text size="xs" fw={600} c="dimmed" tt="uppercase" mb={4}>
        <IconShieldLock size={12} style={{ verticalAlign: -1, marginRight: 4 }} aria-hidden />
        {t('recs.dataUsed.title')}
      </Text>
      <List size="xs" c="dimmed" spacing={2}>
        {used.map((entry, index) => (
          <List.Item key={`${entry.kind}-${index}`} data-kind={entry.kind}>{dataUsedSentence(t, format, entry)}</List.Item>
        ))}
      </List>
    </div>
  );
}
