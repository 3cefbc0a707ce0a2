import { Alert, Badge, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { RecsConfig } from '../../../../../shared/contract';
import { useI18n } from '../../../i18n';
import { useCustomerPreview, useProductPreview } from '../api';
import { refusalSentence } from '../issues';
import { DataUsed } from './DataUsed';
import { RecsItemList } from './RecsItemList';

function Heading({ title, fetching }: { title: string; fetching: boolean }) {
  const { t } = useI18n();
  return (
    <Group gap="xs" mb={6}>
      <Title order={3} fz="sm" fw={600}>{title}</Title>
      {fetching && <Loader size={12} aria-label={t('recs.preview.updating')} />}
    </Group>
  );
}

/** Related and bought-together lists for the chosen product, of the settings being edited. */
export function ProductPreview({ productId, config }: { productId: number | null; config: RecsConfig }) {
  const { t, format } = useI18n();
  const preview = useProductPreview(productId, config);
  if (productId === null) {
    return <Text size="sm" c="dimmed" data-testid="recs-product-preview-empty">{t('recs.preview.chooseProduct')}</Text>;
  }
  if (preview.isError && !preview.data) {
    return <Alert color="red" variant="light" data-testid="recs-preview-error">{refusalSentence(t, preview.error)}</Alert>;
  }
  if (!preview.data) return <Loader size="sm" />;
  const { anchor, related, boughtTogether, dataUsed } = preview.data;
  return (
    <Stack gap="sm" data-testid="recs-product-preview" data-fetching={preview.isFetching || undefined}>
      <Text size="sm" c="dimmed">
        {t('recs.preview.anchor', { title: anchor.title, price: format.money(anchor.priceMinor, anchor.currency) })}
        {anchor.category && ` · ${anchor.category}`}
        {anchor.brand && ` · ${anchor.brand}`}
      </Text>
      <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="md">
        <div>
          <Heading title={t('recs.preview.related')} fetching={preview.isFetching} />
          <RecsItemList items={related} testId="recs-related" emptyText={t('recs.preview.emptyList')} />
        </div>
        <div>
          <Heading title={t('recs.preview.boughtTogether')} fetching={preview.isFetching} />
          <RecsItemList items={boughtTogether} testId="recs-together" emptyText={t('recs.preview.emptyList')} />
        </div>
      </SimpleGrid>
      <DataUsed used={dataUsed} testId="recs-product-data-used" />
    </Stack>
  );
}

/** A customer's "for you" list; for a customer without consent, plainly not personal. */
export function CustomerPreview({ customerId, config }: { customerId: number | null; config: RecsConfig }) {
  const { t, format } = useI18n();
  const preview = useCustomerPreview(customerId, config);
  if (customerId === null) {
    return <Text size="sm" c="dimmed" data-testid="recs-customer-preview-empty">{t('recs.preview.chooseCustomer')}</Text>;
  }
  if (preview.isError && !preview.data) {
    return <Alert color="red" variant="light" data-testid="recs-preview-error">{refusalSentence(t, preview.error)}</Alert>;
  }
  if (!preview.data) return <Loader size="sm" />;
  const { customer, personalized, items, history, dataUsed } = preview.data;
  return (
    <Stack gap="sm" data-testid="recs-customer-preview" data-personalized={personalized}>
      <Group gap="xs">
        <Text size="sm" fw={500}>{customer.name}</Text>
        <Text size="sm" c="dimmed">{t('recs.preview.customerOrders', { count: format.number(customer.orders) })}</Text>
        {personalized ? (
          <Badge color="teal" variant="light">{t('recs.preview.personal')}</Badge>
        ) : (
          <Badge color="gray" variant="light">{t('recs.preview.notPersonal')}</Badge>
        )}
      </Group>
      {!personalized && (
        <Alert variant="light" color="gray" data-testid="recs-not-personal">
          {customer.personalizationConsent ? t('recs.preview.noHistory') : t('recs.preview.noConsent')}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="md">
        <div>
          <Heading title={t('recs.preview.forYou')} fetching={preview.isFetching} />
          <RecsItemList items={items} testId="recs-for-you" emptyText={t('recs.preview.emptyList')} />
        </div>
        {personalized && (
          <div>
            <Heading title={t('recs.preview.history')} fetching={false} />
            <Stack gap={2}>
              {history.slice(0, 12).map((entry) => (
                <Text key={entry.productId} size="xs">
                  {entry.title}{' '}
                  <Text span size="xs" c="dimmed">{t('recs.preview.historyLine', { times: entry.times, at: format.date(entry.lastBoughtAt) })}</Text>
                </Text>
              ))}
            </Stack>
          </div>
        )}
      </SimpleGrid>
      <DataUsed used={dataUsed} testId="recs-customer-data-used" />
    </Stack>
  );
}

export function PreviewCard({ title, description, children, testId }: { title: string; description: string; children: React.ReactNode; testId: string }) {
  return (
    <Paper withBorder p="md" radius="md" data-testid={testId}>
      <Title order={2} fz="md" fw={600}>{title}</Title>
      <Text size="sm" c="dimmed" mb="sm">{description}</Text>
      {children}
    </Paper>
  );
}
