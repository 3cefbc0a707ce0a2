import { Paper, Stack, Text, Title } from '@mantine/core';
import type { ComponentType } from 'react';

/** What a community tab shows while it has nothing to list or nothing chosen: an icon, a title, what to do. */
export function EmptyPanel({ icon: Icon, title, body, testId, bodyWidth = 460 }: {
  icon: ComponentType<{ size?: number; 'aria-hidden'?: boolean }>;
  title: string;
  body: string;
  testId: string;
  bodyWidth?: number;
}) {
  return (
    <Paper withBorder radius="md" p="xl" data-testid={testId}>
      <Stack align="center" gap="xs">
        <Icon size={32} aria-hidden />
        <Title order={2} fz="lg">{title}</Title>
        <Text size="sm" c="dimmed" ta="center" maw={bodyWidth}>{body}</Text>
      </Stack>
    </Paper>
  );
}
