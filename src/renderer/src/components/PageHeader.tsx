import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * The title row every page starts with: the h1 with controls on the same row
 * (the title is short, so they fit in every language), and an optional line
 * below that may be as long as it needs.
 */
export function PageHeader({
  title,
  description,
  actions,
}: {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <Stack gap={6} mb="lg">
      <Group justify="space-between" align="center" gap="md" wrap="wrap" mih={36}>
        <Title order={1} fz={26} lh={1.3}>
          {title}
        </Title>
        {actions}
      </Group>
      {description !== undefined && (
        <Text c="dimmed" size="sm" mih={20}>
          {description}
        </Text>
      )}
    </Stack>
  );
}
