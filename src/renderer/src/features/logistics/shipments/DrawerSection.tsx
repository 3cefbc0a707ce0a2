import { Paper, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A titled block of the shipment drawer. */
export function DrawerSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="sm">
      <Title order={3} fz="sm" fw={600} mb="xs">{title}</Title>
      {children}
    </Paper>
  );
}
