import { Group, NumberInput, Slider, Stack, Switch, TagsInput, Text } from '@mantine/core';
import type { RecsConfig } from '../../../../../shared/contract';
import { SettingsSection } from '../../../components/SettingsSection';
import { useI18n } from '../../../i18n';
import { issueAt } from '../issues';
import { knownFacets } from '../knownProducts';
import { ProductMultiPicker } from './ProductPicker';
import type { ConfigDraft } from './useConfigDraft';

type Filters = RecsConfig['filters'];

/** A number input's value as the config holds it: '' (emptied) becomes NaN, which the schema refuses with a sentence. */
export const numberOf = (value: number | string): number => (typeof value === 'number' ? value : value.trim() === '' ? Number.NaN : Number(value));
export const shown = (value: number): number | string => (Number.isFinite(value) ? value : '');

/** What may be recommended at all: stock, exclusions, repeat purchases, price window, brands, diversity and length. */
export function FiltersSection({ draft }: { draft: ConfigDraft }) {
  const { t } = useI18n();
  const { filters } = draft.draft;
  const issues = [...draft.serverIssues, ...draft.issues];
  const setFilters = (change: Partial<Filters>) => draft.edit((config) => ({ ...config, filters: { ...config.filters, ...change } }));
  const window = filters.priceWindow;

  return (
    <SettingsSection title={t('recs.filters.title')} description={t('recs.filters.description')} testId="recs-filters">
      <Stack gap="md">
        <Switch
          label={t('recs.filters.inStockOnly')}
          checked={filters.inStockOnly}
          onChange={(e) => setFilters({ inStockOnly: e.currentTarget.checked })}
          data-testid="recs-in-stock"
        />
        <ProductMultiPicker
          label={t('recs.filters.excludeProducts')}
          description={t('recs.filters.excludeProductsHint')}
          value={filters.excludeProductIds}
          onChange={(excludeProductIds) => setFilters({ excludeProductIds })}
          testId="recs-exclude-products"
        />
        <TagsInput
          label={t('recs.filters.excludeCategories')}
          placeholder={t('recs.filters.typeCategory')}
          data={knownFacets('category')}
          value={filters.excludeCategories}
          onChange={(excludeCategories) => setFilters({ excludeCategories })}
          error={issueAt(t, issues, 'filters.excludeCategories')}
          data-testid="recs-exclude-categories"
        />
        <Switch
          label={t('recs.filters.excludePurchased')}
          description={t('recs.filters.excludePurchasedHint')}
          checked={filters.excludePurchased}
          onChange={(e) => setFilters({ excludePurchased: e.currentTarget.checked })}
          data-testid="recs-exclude-purchased"
        />
        <TagsInput
          label={t('recs.filters.repeatable')}
          placeholder={t('recs.filters.typeCategory')}
          data={knownFacets('category')}
          disabled={!filters.excludePurchased}
          value={filters.repeatableCategories}
          onChange={(repeatableCategories) => setFilters({ repeatableCategories })}
          error={issueAt(t, issues, 'filters.repeatableCategories')}
          data-testid="recs-repeatable"
        />
        <div>
          <Switch
            label={t('recs.filters.priceWindow')}
            description={t('recs.filters.priceWindowHint')}
            checked={window !== null}
            onChange={(e) => setFilters({ priceWindow: e.currentTarget.checked ? { minPct: -20, maxPct: 50 } : null })}
            data-testid="recs-price-window-on"
          />
          {window && (
            <Group grow mt="xs" align="flex-start">
              <NumberInput
                label={t('recs.filters.priceMin')}
                suffix=" %"
                value={shown(window.minPct)}
                onChange={(v) => setFilters({ priceWindow: { ...window, minPct: numberOf(v) } })}
                min={-100}
                max={1000}
                data-testid="recs-price-min"
              />
              <NumberInput
                label={t('recs.filters.priceMax')}
                suffix=" %"
                value={shown(window.maxPct)}
                onChange={(v) => setFilters({ priceWindow: { ...window, maxPct: numberOf(v) } })}
                min={-100}
                max={1000}
                data-testid="recs-price-max"
              />
            </Group>
          )}
          {window && issueAt(t, issues, 'filters.priceWindow') && (
            <Text size="sm" c="red" mt={6} role="alert" data-testid="recs-price-window-error">
              {issueAt(t, issues, 'filters.priceWindow')}
            </Text>
          )}
        </div>
        <NumberInput
          label={t('recs.filters.maxPerBrand')}
          description={t('recs.filters.maxPerBrandHint')}
          placeholder={t('recs.filters.noLimit')}
          value={filters.maxPerBrand ?? ''}
          onChange={(v) => setFilters({ maxPerBrand: v === '' ? null : numberOf(v) })}
          min={1}
          max={50}
          allowDecimal={false}
          clampBehavior="none"
          error={issueAt(t, issues, 'filters.maxPerBrand')}
          data-testid="recs-max-per-brand"
        />
        <DiversityAndLength draft={draft} />
      </Stack>
    </SettingsSection>
  );
}

function DiversityAndLength({ draft }: { draft: ConfigDraft }) {
  const { t, format } = useI18n();
  const issues = [...draft.serverIssues, ...draft.issues];
  const lambda = draft.draft.diversityLambda;
  return (
    <>
      <div>
        <Group justify="space-between" mb={4}>
          <Text size="sm" fw={500}>{t('recs.filters.diversity')}</Text>
          <Text size="sm" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }}>λ = {format.number(lambda)}</Text>
        </Group>
        <Slider
          min={0}
          max={1}
          step={0.05}
          value={lambda}
          onChange={(diversityLambda) => draft.edit((config) => ({ ...config, diversityLambda }))}
          thumbLabel={t('recs.filters.diversity')}
          label={(value) => format.number(value)}
          data-testid="recs-diversity"
        />
        <Text size="xs" c="dimmed" mt={4}>{t('recs.filters.diversityHint')}</Text>
      </div>
      <NumberInput
        label={t('recs.filters.k')}
        description={t('recs.filters.kHint')}
        value={shown(draft.draft.k)}
        onChange={(v) => draft.edit((config) => ({ ...config, k: numberOf(v) }))}
        min={1}
        max={50}
        allowDecimal={false}
          clampBehavior="none"
        error={issueAt(t, issues, 'k')}
        data-testid="recs-k"
      />
    </>
  );
}
