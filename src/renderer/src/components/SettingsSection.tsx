import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * One titled part of a settings or admin screen (the loyalty program editor,
 * the service desk's settings and reports): a heading, one sentence saying
 * what it is for, optional actions on the right, and its content.
 */
export function SettingsSection({
  title,
  description,
  actions,
  testId,
  children,
}: {
  title: string;
  description: string;
  actions?: ReactNode;
  testId: string;
  children: ReactNode;
}) {
  return (
    <Paper withBorder p="lg" radius="md" data-testid={testId}>
      <Group justify="space-between" align="flex-start" mb="md" gap="sm">
        <Stack gap={2} maw={680}>
          <Title order={2} fz="md" fw={600}>
            {title}
          </Title>
          <Text size="sm" c="dimmed">
            {description}
          </Text>
        </Stack>
        {actions}
      </Group>
      {children}
    </Paper>
  );
}
