import { Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useT } from '../../../i18n';

/** One titled part of the order drawer; an empty one says so instead of leaving a gap. */
export function Section({ title, count, children, testId }: { title: string; count?: number; children: ReactNode; testId: string }) {
  const t = useT();
  return (
    <Stack gap={8} component="section" aria-label={title} data-testid={testId}>
      <Title order={3} fz="sm" fw={650} c="dimmed" tt="uppercase" lts={0.3}>
        {title}
        {count !== undefined && count > 0 ? ` · ${count}` : ''}
      </Title>
      {count === 0 ? (
        <Text size="sm" c="dimmed">
          {t('orders.section.none')}
        </Text>
      ) : (
        children
      )}
    </Stack>
  );
}
