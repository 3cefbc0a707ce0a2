import { Alert, Button, Group, Loader, SegmentedControl, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconCopy } from '@tabler/icons-react';
import { useState } from 'react';
import type { RecsConfig, RecsItem } from '../../../../../shared/contract';
import { useI18n } from '../../../i18n';
import { useCustomerPreview, useProductPreview } from '../api';
import { refusalSentence } from '../issues';
import { PreviewCard } from './PreviewPanels';
import { RecsItemList } from './RecsItemList';

export interface NamedConfig {
  id: string;
  name: string;
  config: RecsConfig;
}

type ListKind = 'related' | 'boughtTogether' | 'forYou';

/** The products whose place differs between two lists (missing from the other, or at another rank). */
export function differingProducts(a: readonly RecsItem[], b: readonly RecsItem[]): Set<number> {
  const rankB = new Map(b.map((item, index) => [item.productId, index]));
  const rankA = new Map(a.map((item, index) => [item.productId, index]));
  const changed = new Set<number>();
  a.forEach((item, index) => rankB.get(item.productId) !== index && changed.add(item.productId));
  b.forEach((item, index) => rankA.get(item.productId) !== index && changed.add(item.productId));
  return changed;
}

function useList(kind: ListKind, productId: number | null, customerId: number | null, config: RecsConfig) {
  const product = useProductPreview(kind === 'forYou' ? null : productId, config);
  const customer = useCustomerPreview(kind === 'forYou' ? customerId : null, config);
  const query = kind === 'forYou' ? customer : product;
  const items =
    kind === 'forYou' ? customer.data?.items : kind === 'related' ? product.data?.related : product.data?.boughtTogether;
  return { items, error: query.error, fetching: query.isFetching };
}

/**
 * Two configurations side by side for the same product or customer: the
 * saved one, the one being edited, or drafts kept for comparison. Products
 * whose place differs are highlighted on both sides.
 */
export function ComparePanel({ choices, productId, customerId, onKeepDraft }: {
  choices: NamedConfig[];
  productId: number | null;
  customerId: number | null;
  onKeepDraft: () => void;
}) {
  const { t } = useI18n();
  const [kind, setKind] = useState<ListKind>('related');
  const [leftId, setLeftId] = useState('saved');
  const [rightId, setRightId] = useState('editing');
  const left = choices.find((c) => c.id === leftId) ?? choices[0]!;
  const right = choices.find((c) => c.id === rightId) ?? choices[1] ?? choices[0]!;
  const a = useList(kind, productId, customerId, left.config);
  const b = useList(kind, productId, customerId, right.config);
  const changed = a.items && b.items ? differingProducts(a.items, b.items) : new Set<number>();
  const subject = kind === 'forYou' ? customerId : productId;
  const options = choices.map((c) => ({ value: c.id, label: c.name }));

  return (
    <PreviewCard title={t('recs.compare.title')} description={t('recs.compare.description')} testId="recs-compare">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="sm">
          <SegmentedControl
            size="xs"
            value={kind}
            onChange={(v) => setKind(v as ListKind)}
            data={[
              { value: 'related', label: t('recs.preview.related') },
              { value: 'boughtTogether', label: t('recs.preview.boughtTogether') },
              { value: 'forYou', label: t('recs.preview.forYou') },
            ]}
            aria-label={t('recs.compare.list')}
          />
          <Button size="xs" variant="light" leftSection={<IconCopy size={14} />} onClick={onKeepDraft} data-testid="recs-keep-draft">
            {t('recs.compare.keepDraft')}
          </Button>
        </Group>
        {subject === null ? (
          <Text size="sm" c="dimmed">{kind === 'forYou' ? t('recs.preview.chooseCustomer') : t('recs.preview.chooseProduct')}</Text>
        ) : (
          <>
            <Text size="sm" c={changed.size ? undefined : 'dimmed'} data-testid="recs-compare-summary">
              {changed.size ? t('recs.compare.differences', { count: changed.size }) : t('recs.compare.same')}
            </Text>
            <SimpleGrid cols={2} spacing="md">
              {[
                { side: a, choice: leftId, set: setLeftId, label: t('recs.compare.left'), testId: 'recs-compare-left' },
                { side: b, choice: rightId, set: setRightId, label: t('recs.compare.right'), testId: 'recs-compare-right' },
              ].map(({ side, choice, set, label, testId }) => (
                <Stack key={testId} gap={6}>
                  <Group gap="xs" align="flex-end" wrap="nowrap">
                    <Select label={label} data={options} value={choice} onChange={(v) => v && set(v)} allowDeselect={false} size="xs" style={{ flex: 1 }} />
                    {side.fetching && <Loader size={12} mb={8} />}
                  </Group>
                  {side.error && !side.items ? (
                    <Alert color="red" variant="light">{refusalSentence(t, side.error)}</Alert>
                  ) : side.items ? (
                    <RecsItemList items={side.items} testId={testId} changed={changed} emptyText={t('recs.preview.emptyList')} />
                  ) : (
                    <Loader size="sm" />
                  )}
                </Stack>
              ))}
            </SimpleGrid>
          </>
        )}
      </Stack>
    </PreviewCard>
  );
}
