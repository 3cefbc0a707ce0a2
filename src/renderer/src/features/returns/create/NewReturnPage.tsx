import { Anchor, Group, Loader, Stack } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { hrefFor } from '../../../app/router';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { useT } from '../../../i18n';
import { useOrderForReturn, useReturnPolicy } from '../api';
import { FindOrder } from './FindOrder';
import { ReturnRequestForm } from './ReturnRequestForm';

/** '/returns/new': find the order; '/returns/new/<orderId>': choose what comes back and why. */
export function NewReturnPage({ orderId }: { orderId: number | null }) {
  const t = useT();
  const order = useOrderForReturn(orderId);
  const policy = useReturnPolicy();
  return (
    <Stack gap="md">
      <Anchor href={hrefFor(orderId === null ? '/returns' : '/returns/new')} size="sm">
        <Group gap={4} component="span"><IconArrowLeft size={14} />{t(orderId === null ? 'returns.detail.back' : 'returns.create.otherOrder')}</Group>
      </Anchor>
      <PageHeader title={t('returns.create.title')} description={t('returns.create.description')} />
      {orderId === null ? (
        <FindOrder />
      ) : order.isError || policy.isError ? (
        <QueryError error={order.error ?? policy.error} onRetry={() => { void order.refetch(); void policy.refetch(); }} />
      ) : !order.data || !policy.data ? (
        <Loader aria-label={t('returns.loading')} />
      ) : (
        <ReturnRequestForm order={order.data} policy={policy.data} />
      )}
    </Stack>
  );
}
