import { Group, Paper, Stack, Text } from '@mantine/core';
import { useI18n } from '../../../i18n';
import { DefinitionButton } from '../../../components/chart/DefinitionButton';

export interface InsightTileProps {
  testId: string;
  label: string;
  definition: string;
  /** The figure as shown. */
  display: string;
  /** The raw figure, for tests and assistive tools. */
  value: number | null;
  /** Omitted when the figure has no previous period. Rates compare in percentage points, scores by their difference. */
  compare?: { current: number | null; previous: number | null; kind: 'rate' | 'score' };
  /** For figures where up is bad (return rate). */
  lowerIsBetter?: boolean;
  /** A short line in place of the comparison, or after it. */
  note?: string;
}

type Direction = 'up' | 'down' | 'flat';
const ARROWS = { up: '▲', down: '▼', flat: '■' } as const;
/** Below these the change reads "unchanged" rather than ▲ 0.0. */
const FLAT = { rate: 0.05, score: 0.005 } as const;

/** The change in the unit it is read in: percentage points for a rate, points of score otherwise. */
function changeOf(compare: NonNullable<InsightTileProps['compare']>): { delta: number; direction: Direction } | null {
  if (compare.current === null || compare.previous === null) return null;
  const delta = (compare.current - compare.previous) * (compare.kind === 'rate' ? 100 : 1);
  const direction = Math.abs(delta) < FLAT[compare.kind] ? 'flat' : delta > 0 ? 'up' : 'down';
  return { delta, direction };
}

function colorOf(direction: Direction, lowerIsBetter: boolean): string {
  if (direction === 'flat') return 'dimmed';
  return (direction === 'up') !== lowerIsBetter ? 'teal' : 'red';
}

/** A retention figure with its previous period and its definition one click away. */
export function InsightTile(props: InsightTileProps) {
  const { t, format } = useI18n();
  const change = props.compare ? changeOf(props.compare) : null;
  const magnitude = (delta: number) =>
    props.compare?.kind === 'rate'
      ? t('kpi.points', { value: format.number(Math.round(Math.abs(delta) * 10) / 10) })
      : format.number(Math.round(Math.abs(delta) * 100) / 100);
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap={6}>
        <Group gap={4} wrap="nowrap" justify="space-between" align="flex-start">
          <Text size="sm" c="dimmed" fw={500} lh={1.4}>
            {props.label}
          </Text>
          <DefinitionButton label={props.label} definition={props.definition} ariaLabel={t('insights.definitionOf', { label: props.label })} />
        </Group>
        <Text
          fz={26}
          fw={700}
          lh={1.2}
          style={{ fontVariantNumeric: 'tabular-nums' }}
          data-testid={props.testId}
          data-value={props.value ?? ''}
        >
          {props.display}
        </Text>
        <Group gap={6} wrap="wrap" mih={18}>
          {props.compare && !change && <Text size="xs" c="dimmed">{t('kpi.noPrevious')}</Text>}
          {change && (
            <>
              <Text size="xs" fw={600} c={colorOf(change.direction, props.lowerIsBetter ?? false)} data-testid="insight-change">
                {ARROWS[change.direction]} {change.direction === 'flat' ? t('kpi.unchanged') : magnitude(change.delta)}
              </Text>
              <Text size="xs" c="dimmed">{t('kpi.vsPrevious')}</Text>
            </>
          )}
          {props.note && <Text size="xs" c="dimmed">{props.note}</Text>}
        </Group>
      </Stack>
    </Paper>
  );
}
