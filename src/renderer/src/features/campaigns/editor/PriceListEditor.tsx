import { ActionIcon, Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { CampaignMechanic } from '../../../../../shared/contract';
import { useT } from '../../../i18n';
// The product picker the recommendation settings use: the contract has no product search, so both offer the products the screens have met.
import { productTitle } from '../../recommendations/knownProducts';
import { ProductPicker } from '../../recommendations/tuning/ProductPicker';
import { MoneyInput } from './numberFields';

type PriceList = Extract<CampaignMechanic, { kind: 'priceList' }>;

/** Member-only prices: pick a product, type its price, add it; one row per product. */
export function PriceListEditor({ mechanic, onChange, currency, error }: {
  mechanic: PriceList;
  onChange: (next: PriceList) => void;
  currency: string;
  error?: string;
}) {
  const t = useT();
  const [productId, setProductId] = useState<number | null>(null);
  const [price, setPrice] = useState<number>(Number.NaN);
  const taken = new Set(mechanic.prices.map((p) => p.productId));
  const canAdd = productId !== null && !taken.has(productId) && Number.isInteger(price) && price >= 0;
  const add = () => {
    if (!canAdd) return;
    onChange({ ...mechanic, prices: [...mechanic.prices, { productId, priceMinor: price }] });
    setProductId(null);
    setPrice(Number.NaN);
  };
  const setRowPrice = (id: number, priceMinor: number) =>
    onChange({ ...mechanic, prices: mechanic.prices.map((p) => (p.productId === id ? { ...p, priceMinor } : p)) });
  return (
    <Stack gap="xs">
      <Group align="flex-end" gap="xs" wrap="wrap">
        <div style={{ flex: '1 1 240px' }}>
          <ProductPicker label={t('campaigns.mechanic.product')} value={productId} onChange={setProductId} testId="price-product" />
        </div>
        <MoneyInput label={t('campaigns.mechanic.memberPrice')} currency={currency} value={price} onChange={setPrice} w={180} data-testid="price-amount" />
        <Button variant="light" leftSection={<IconPlus size={14} />} onClick={add} disabled={!canAdd} data-testid="price-add">
          {t('campaigns.mechanic.addPrice')}
        </Button>
      </Group>
      {error && <Text size="sm" c="red" role="alert">{error}</Text>}
      {mechanic.prices.length > 0 && (
        <Table verticalSpacing={4} data-testid="price-rows">
          <Table.Tbody>
            {mechanic.prices.map((p, index) => (
              <Table.Tr key={p.productId}>
                <Table.Td><Text size="sm">{productTitle(p.productId) ?? t('campaigns.productNumber', { id: p.productId })}</Text></Table.Td>
                <Table.Td w={200}>
                  <MoneyInput aria-label={t('campaigns.mechanic.memberPrice')} size="xs" currency={currency} value={p.priceMinor}
                    onChange={(v) => setRowPrice(p.productId, v)} />
                </Table.Td>
                <Table.Td w={40}>
                  <ActionIcon variant="subtle" color="red" aria-label={t('campaigns.mechanic.removePrice')}
                    onClick={() => onChange({ ...mechanic, prices: mechanic.prices.filter((_, i) => i !== index) })}>
                    <IconTrash size={14} />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
