import { ActionIcon, Button, Group, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { RecsConfig } from '../../../../../shared/contract';
import { SettingsSection } from '../../../components/SettingsSection';
import { useI18n } from '../../../i18n';
import { issueAt } from '../issues';
import { fieldLabel } from '../labels';
import { numberOf, shown } from './FiltersSection';
import { ProductPicker } from './ProductPicker';
import type { ConfigDraft } from './useConfigDraft';

type Boost = RecsConfig['boosts'][number];
type Pin = RecsConfig['pins'][number];
const FIELDS = ['category', 'tag', 'brand'] as const;

/** Boosts and buries by category, tag or brand: a factor above 1 lifts matching products, below 1 pushes them down. */
export function BoostsSection({ draft }: { draft: ConfigDraft }) {
  const { t } = useI18n();
  const issues = [...draft.serverIssues, ...draft.issues];
  const boosts = draft.draft.boosts;
  const setBoosts = (next: Boost[]) => draft.edit((config) => ({ ...config, boosts: next }));
  const setBoost = (index: number, change: Partial<Boost>) => setBoosts(boosts.map((b, i) => (i === index ? { ...b, ...change } : b)));

  return (
    <SettingsSection
      title={t('recs.boosts.title')}
      description={t('recs.boosts.description')}
      testId="recs-boosts"
      actions={
        <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setBoosts([...boosts, { field: 'brand', value: '', factor: 1.5 }])} data-testid="recs-boost-add">
          {t('recs.boosts.add')}
        </Button>
      }
    >
      {boosts.length === 0 ? (
        <Text size="sm" c="dimmed">{t('recs.boosts.empty')}</Text>
      ) : (
        <Stack gap="sm">
          {boosts.map((boost, index) => (
            <Group key={index} align="flex-start" gap="xs" wrap="nowrap" data-testid="recs-boost-row">
              <Select
                label={t('recs.boosts.field')}
                data={FIELDS.map((field) => ({ value: field, label: fieldLabel(t, field) }))}
                value={boost.field}
                onChange={(field) => field && setBoost(index, { field: field as Boost['field'] })}
                allowDeselect={false}
                w={120}
              />
              <TextInput
                label={t('recs.boosts.value')}
                value={boost.value}
                onChange={(e) => setBoost(index, { value: e.currentTarget.value })}
                error={issueAt(t, issues, `boosts.${index}.value`)}
                style={{ flex: 1 }}
              />
              <NumberInput
                label={t('recs.boosts.factor')}
                prefix="×"
                step={0.1}
                decimalScale={2}
                value={shown(boost.factor)}
                onChange={(v) => setBoost(index, { factor: numberOf(v) })}
                error={issueAt(t, issues, `boosts.${index}.factor`)}
                w={110}
              />
              <ActionIcon variant="subtle" color="red" mt={26} aria-label={t('recs.boosts.remove')} onClick={() => setBoosts(boosts.filter((_, i) => i !== index))}>
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          ))}
        </Stack>
      )}
    </SettingsSection>
  );
}

/** Pins: a product held at a position in one anchor product's lists, whatever the scores say. */
export function PinsSection({ draft }: { draft: ConfigDraft }) {
  const { t } = useI18n();
  const issues = [...draft.serverIssues, ...draft.issues];
  const pins = draft.draft.pins;
  const setPins = (next: Pin[]) => draft.edit((config) => ({ ...config, pins: next }));
  const setPin = (index: number, change: Partial<Pin>) => setPins(pins.map((p, i) => (i === index ? { ...p, ...change } : p)));

  return (
    <SettingsSection
      title={t('recs.pins.title')}
      description={t('recs.pins.description')}
      testId="recs-pins"
      actions={
        <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setPins([...pins, { anchorProductId: 0, productId: 0, position: 1 }])} data-testid="recs-pin-add">
          {t('recs.pins.add')}
        </Button>
      }
    >
      {pins.length === 0 ? (
        <Text size="sm" c="dimmed">{t('recs.pins.empty')}</Text>
      ) : (
        <Stack gap="sm">
          {pins.map((pin, index) => (
            <Stack key={index} gap={4} data-testid="recs-pin-row">
              <Group align="flex-start" gap="xs" wrap="nowrap">
                <div style={{ flex: 1 }}>
                  <ProductPicker label={t('recs.pins.anchor')} value={pin.anchorProductId || null} onChange={(id) => setPin(index, { anchorProductId: id ?? 0 })} testId={`recs-pin-anchor-${index}`} />
                </div>
                <div style={{ flex: 1 }}>
                  <ProductPicker label={t('recs.pins.product')} value={pin.productId || null} onChange={(id) => setPin(index, { productId: id ?? 0 })} testId={`recs-pin-product-${index}`} />
                </div>
                <NumberInput label={t('recs.pins.position')} min={1} max={50} allowDecimal={false} value={shown(pin.position)} onChange={(v) => setPin(index, { position: numberOf(v) })} w={90} />
                <ActionIcon variant="subtle" color="red" mt={26} aria-label={t('recs.pins.remove')} onClick={() => setPins(pins.filter((_, i) => i !== index))}>
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
              {issueAt(t, issues, `pins.${index}`) && (
                <Text size="sm" c="red" role="alert">{pinIssue(t, issueAt(t, issues, `pins.${index}`)!, pin)}</Text>
              )}
            </Stack>
          ))}
        </Stack>
      )}
    </SettingsSection>
  );
}

/** A pin still missing a product says which one to choose rather than a range message. */
function pinIssue(t: ReturnType<typeof useI18n>['t'], sentence: string, pin: Pin): string {
  if (!pin.anchorProductId) return t('recs.pins.chooseAnchor');
  if (!pin.productId) return t('recs.pins.chooseProduct');
  return sentence;
}
