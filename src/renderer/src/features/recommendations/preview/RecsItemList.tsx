import { Badge, Group, Stack, Text } from '@mantine/core';
import type { RecsItem } from '../../../../../shared/contract';
import { useI18n } from '../../../i18n';
import { adjustmentSentence } from '../labels';
import { listScale, ScoreBar } from './ScoreBar';

/**
 * A recommended list as the preview shows it: rank, product, score with its
 * breakdown by source, and what the rules did, in words. `changed` marks the
 * products that are not in the same place in the list compared with.
 */
export function RecsItemList({ items, testId, changed, emptyText }: { items: RecsItem[]; testId: string; changed?: ReadonlySet<number>; emptyText: string }) {
  const { t, format } = useI18n();
  if (items.length === 0) {
    return <Text size="sm" c="dimmed" data-testid={`${testId}-empty`}>{emptyText}</Text>;
  }
  const scale = listScale(items);
  return (
    <Stack component="ol" gap={6} p={0} m={0} style={{ listStyle: 'none' }} data-testid={testId}>
      {items.map((item, index) => {
        const isChanged = changed?.has(item.productId) ?? false;
        return (
          <li
            key={item.productId}
            data-testid={`${testId}-item`}
            data-product-id={item.productId}
            data-score={item.score.toFixed(6)}
            data-changed={isChanged || undefined}
            style={{
              padding: '6px 8px',
              borderRadius: 6,
              background: isChanged ? 'var(--mantine-color-yellow-light)' : undefined,
            }}
          >
            <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
              <Group gap={8} wrap="nowrap" align="flex-start" style={{ minWidth: 0 }}>
                <Text size="sm" c="dimmed" w={22} ta="right" style={{ flexShrink: 0, fontVariantNumeric: 'tabular-nums' }}>{index + 1}.</Text>
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Text size="sm" fw={500} truncate>{item.title}</Text>
                  <Text size="xs" c="dimmed" truncate>
                    {[item.category, item.brand, format.money(item.priceMinor, item.currency)].filter(Boolean).join(' · ')}
                  </Text>
                </Stack>
              </Group>
              <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
                {!item.inStock && <Badge size="xs" color="gray" variant="light">{t('recs.preview.outOfStock')}</Badge>}
                {isChanged && <Badge size="xs" color="yellow" variant="light">{t('recs.compare.different')}</Badge>}
                <Text size="sm" fw={600} style={{ fontVariantNumeric: 'tabular-nums' }} aria-label={t('recs.preview.score')}>{item.score.toFixed(3)}</Text>
              </Group>
            </Group>
            <div style={{ paddingLeft: 30, marginTop: 4 }}>
              <ScoreBar item={item} scale={scale} />
              {item.adjustments.length > 0 && (
                <Text size="xs" c="var(--mantine-color-anchor)" mt={2} data-testid={`${testId}-adjustments`}>
                  {item.adjustments.map((a) => adjustmentSentence(t, format, a)).join(' · ')}
                </Text>
              )}
            </div>
          </li>
        );
      })}
    </Stack>
  );
}
