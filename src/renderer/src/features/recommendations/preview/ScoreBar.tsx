import { Group, Text, Tooltip } from '@mantine/core';
import { RECS_SOURCES, type RecsItem } from '../../../../../shared/contract';
import { useI18n } from '../../../i18n';
import { SOURCE_COLORS, SOURCE_LABELS, SOURCE_SHORT } from '../labels';

const score = (value: number): string => value.toFixed(3);

/**
 * An item's score broken down by source: a stacked bar (scaled to the
 * list's largest total) and the figures in words for screen readers and for
 * reading exactly.
 */
export function ScoreBar({ item, scale }: { item: RecsItem; scale: number }) {
  const { t } = useI18n();
  const parts = RECS_SOURCES.filter((source) => item.sources[source] > 0);
  const described = parts.map((source) => `${t(SOURCE_LABELS[source])} ${score(item.sources[source])}`).join(' · ');
  return (
    <div>
      <div
        role="img"
        aria-label={t('recs.preview.breakdown', { parts: described || '—' })}
        style={{ display: 'flex', height: 8, borderRadius: 4, overflow: 'hidden', background: 'var(--mantine-color-default-hover)' }}
      >
        {parts.map((source) => (
          <Tooltip key={source} label={`${t(SOURCE_LABELS[source])}: ${score(item.sources[source])}`} withArrow>
            <div style={{ width: `${scale > 0 ? (item.sources[source] / scale) * 100 : 0}%`, background: SOURCE_COLORS[source] }} />
          </Tooltip>
        ))}
      </div>
      <Group gap={8} mt={2} wrap="wrap">
        {parts.map((source) => (
          <Text key={source} size="xs" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }}>
            <span style={{ display: 'inline-block', width: 6, height: 6, borderRadius: 1, marginRight: 4, background: SOURCE_COLORS[source] }} aria-hidden />
            {t(SOURCE_SHORT[source])} {score(item.sources[source])}
          </Text>
        ))}
      </Group>
    </div>
  );
}

/** The bar scale of a list: its largest sum of sources, so bars compare within the list. */
export const listScale = (items: readonly RecsItem[]): number =>
  Math.max(0, ...items.map((item) => RECS_SOURCES.reduce((sum, source) => sum + Math.max(0, item.sources[source]), 0)));
