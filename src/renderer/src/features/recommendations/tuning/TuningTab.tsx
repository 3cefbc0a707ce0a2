import { Grid, Stack } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../../i18n';
import { useKnownProducts } from '../knownProducts';
import { ComparePanel, type NamedConfig } from '../preview/ComparePanel';
import { CustomerPicker } from '../../../components/CustomerPicker';
import { CustomerPreview, PreviewCard, ProductPreview } from '../preview/PreviewPanels';
import type { RecsProgressEvent } from '../useRecsProgress';
import { BoostsSection, PinsSection } from './BoostsSection';
import { FiltersSection } from './FiltersSection';
import { ModelStatus } from './ModelStatus';
import { ProductPicker } from './ProductPicker';
import { SaveBar } from './SaveBar';
import type { ConfigDraft } from './useConfigDraft';
import { WeightsSection } from './WeightsSection';

/**
 * The tuning page: the model, the settings (left) and live previews of the
 * settings being edited (right), with two configurations side by side.
 */
export function TuningTab({ draft, progress }: { draft: ConfigDraft; progress: RecsProgressEvent | null }) {
  const { t } = useI18n();
  const [productId, setProductId] = useState<number | null>(null);
  const [customer, setCustomer] = useState<{ id: number; label: string } | null>(null);
  const [kept, setKept] = useState<NamedConfig[]>([]);
  useFirstProduct(productId, setProductId);

  const choices: NamedConfig[] = [
    { id: 'saved', name: t('recs.compare.saved'), config: draft.saved.config },
    { id: 'editing', name: t('recs.compare.editing'), config: draft.previewConfig },
    ...kept,
  ];
  const keepDraft = () =>
    setKept((list) => [
      ...list,
      { id: `kept-${list.length + 1}`, name: t('recs.compare.kept', { n: list.length + 1 }), config: draft.previewConfig },
    ]);

  return (
    <Stack gap="lg">
      <ModelStatus progress={progress} />
      <SaveBar draft={draft} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="lg">
            <WeightsSection draft={draft} />
            <FiltersSection draft={draft} />
            <BoostsSection draft={draft} />
            <PinsSection draft={draft} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="lg">
            <PreviewCard title={t('recs.preview.productTitle')} description={t('recs.preview.productDescription')} testId="recs-product-card">
              <Stack gap="sm">
                <ProductPicker label={t('recs.preview.product')} value={productId} onChange={setProductId} testId="recs-product-picker" />
                <ProductPreview productId={productId} config={draft.previewConfig} />
              </Stack>
            </PreviewCard>
            <PreviewCard title={t('recs.preview.customerTitle')} description={t('recs.preview.customerDescription')} testId="recs-customer-card">
              <Stack gap="sm">
                <CustomerPicker value={customer} onChange={setCustomer} suggestTopCustomers label={t('recs.preview.customer')}
                  placeholder={t('recs.preview.customerPlaceholder')} nothingFound={t('recs.preview.noCustomer')} testId="recs-customer-picker" />
                <CustomerPreview customerId={customer?.id ?? null} config={draft.previewConfig} />
              </Stack>
            </PreviewCard>
            <ComparePanel choices={choices} productId={productId} customerId={customer?.id ?? null} onKeepDraft={keepDraft} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/** Starts the preview on a product from the latest orders, once, so the page shows lists at once. */
function useFirstProduct(productId: number | null, setProductId: (id: number) => void) {
  const products = useKnownProducts();
  const done = useRef(false);
  useEffect(() => {
    if (done.current || productId !== null || products.length === 0) return;
    done.current = true;
    setProductId(products[0]!.productId);
  }, [products, productId, setProductId]);
}
