import { Group, Paper, Stack, Text } from '@mantine/core';

export interface TooltipRow {
  label: string;
  value: string;
  color?: string;
}

/** Recharts' tooltip content in Mantine's own surface, so it reads in light and dark. */
export function ChartTooltip({ title, rows }: { title: string; rows: TooltipRow[] }) {
  return (
    <Paper withBorder shadow="sm" p="xs" radius="md">
      <Text size="xs" fw={600} mb={4}>
        {title}
      </Text>
      <Stack gap={2}>
        {rows.map((row) => (
          <Group key={row.label} gap={8} justify="space-between" wrap="nowrap">
            <Group gap={6} wrap="nowrap">
              {row.color && (
                <span style={{ width: 8, height: 8, borderRadius: 2, background: row.color }} aria-hidden />
              )}
              <Text size="xs" c="dimmed">
                {row.label}
              </Text>
            </Group>
            <Text size="xs" fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
              {row.value}
            </Text>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}

/**
 * Recharts `content` for a tooltip over one data point: `describe` turns the
 * hovered point into a title and rows.
 */
export function pointTooltip<Point>(describe: (point: Point) => { title: string; rows: TooltipRow[] }) {
  return function PointTooltip({ active, payload }: { active?: boolean; payload?: readonly { payload?: unknown }[] }) {
    const point = payload?.[0]?.payload as Point | undefined;
    if (!active || !point) return null;
    return <ChartTooltip {...describe(point)} />;
  };
}
