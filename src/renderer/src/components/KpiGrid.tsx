import { Paper, SimpleGrid, Skeleton, type SimpleGridProps } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * The grid every page's figure cards sit in (dashboard, insights, logistics,
 * payments): dimmed while a new range loads (the old figures stay readable),
 * and its skeleton of the same shape while the first answer is on its way.
 */
export function KpiGrid({ cols, testId, stale, data, children }: {
  cols: SimpleGridProps['cols'];
  testId: string;
  stale: boolean;
  /** Extra data-* attributes tests read (the range shown). */
  data?: Record<`data-${string}`, string>;
  children: ReactNode;
}) {
  return (
    <SimpleGrid
      cols={cols}
      spacing="md"
      data-testid={testId}
      data-stale={stale}
      {...data}
      style={{ opacity: stale ? 0.6 : 1, transition: 'opacity 150ms' }}
    >
      {children}
    </SimpleGrid>
  );
}

export function KpiGridSkeleton({ cols, testId, count }: { cols: SimpleGridProps['cols']; testId: string; count: number }) {
  return (
    <SimpleGrid cols={cols} spacing="md" data-testid={testId}>
      {Array.from({ length: count }, (_, i) => (
        <Paper key={i} withBorder p="md" radius="md">
          <Skeleton height={14} width="50%" mb={14} />
          <Skeleton height={28} width="70%" mb={12} />
          <Skeleton height={10} width="40%" />
        </Paper>
      ))}
    </SimpleGrid>
  );
}
