import { Anchor, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { ReturnDetail, ReturnPolicy } from '../../../../../shared/contract/returns';
import { hrefFor } from '../../../app/router';
import { useI18n } from '../../../i18n';
import { dateTime, reasonText } from '../labels';

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text size="sm" component="div" data-testid={testId}>{children}</Text>
    </Stack>
  );
}

/** Who, which order, why and when. */
export function ReturnSummaryCard({ detail, policy }: { detail: ReturnDetail; policy: ReturnPolicy | undefined }) {
  const { t, locale } = useI18n();
  const customer = detail.customer;
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={2} fz="md" mb="sm">{t('returns.detail.summary')}</Title>
      <SimpleGrid cols={2} spacing="sm">
        <Fact label={t('returns.col.order')} testId="return-order">
          <Anchor href={hrefFor(`/orders/${detail.order.id}`)} size="sm">{detail.order.orderNumber}</Anchor>
        </Fact>
        <Fact label={t('returns.col.customer')} testId="return-customer">
          {customer
            ? <Anchor href={hrefFor(`/customers/${customer.id}`)} size="sm">{customer.name ?? customer.email ?? `#${customer.id}`}</Anchor>
            : t('returns.guest')}
        </Fact>
        <Fact label={t('returns.col.reason')} testId="return-reason">{reasonText(policy, detail.reason, locale)}</Fact>
        <Fact label={t('returns.col.requested')}>{dateTime(detail.requestedAt, locale)}</Fact>
        {detail.ticketId !== null && (
          <Fact label={t('returns.detail.ticket')}>
            <Anchor href={hrefFor(`/service/tickets/${detail.ticketId}`)} size="sm">#{detail.ticketId}</Anchor>
          </Fact>
        )}
      </SimpleGrid>
      {detail.note && <Fact label={t('returns.detail.note')}><Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{detail.note}</Text></Fact>}
    </Paper>
  );
}
