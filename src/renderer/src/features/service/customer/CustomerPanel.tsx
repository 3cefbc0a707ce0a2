import { Alert, Anchor, Badge, Button, Group, Paper, Skeleton, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconArrowBackUp, IconGift, IconTruckDelivery } from '@tabler/icons-react';
import { useState } from 'react';
import type { TicketDetail } from '../../../../../shared/contract';
import { useActingStaff } from '../../../app/actingStaff';
import { hrefFor } from '../../../app/router';
import { QueryError } from '../../../components/QueryError';
import { useI18n } from '../../../i18n';
import { refusalSentence } from '../../loyalty/issues';
import { useApplyMacro } from '../api';
import type { VariableWarnings } from '../composer/VariableWarning';
import { useCustomer } from './api';
import { CustomerHistory } from './CustomerHistory';
import { GoodwillModal } from './GoodwillModal';
import { StartReturnModal } from './StartReturnModal';

/**
 * The customer beside the ticket: who they are, their points and tier, and
 * their orders, shipments, returns, tickets and feedback; with the actions an
 * agent takes from here, each through the same operations as the rest of the app.
 */
export function CustomerPanel({ customerId, ticket, onCompose }: { customerId: number; ticket: TicketDetail; onCompose: (draft: VariableWarnings & { body: string }) => void }) {
  const { t, format } = useI18n();
  const customer = useCustomer(customerId);
  const apply = useApplyMacro();
  const staff = useActingStaff();
  const [dialog, setDialog] = useState<'return' | 'points' | null>(null);

  if (customer.isError) return <QueryError error={customer.error} onRetry={() => void customer.refetch()} />;
  if (!customer.data) return <Skeleton h={320} radius="md" data-testid="customer-panel-loading" />;
  const c = customer.data;
  const place = [c.city, c.region, c.country].filter(Boolean).join(', ');

  // The tracking link is rendered for the ticket's order by the same renderer macros use; the agent reads it before sending.
  const resendTracking = () =>
    apply.mutate({ ticketId: ticket.id, body: t('service.customer.resendBody'), ...(staff && { staffId: staff.id }) }, { onSuccess: (result) => onCompose(result) });

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="customer-panel-title" data-testid="customer-panel">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={2} miw={0}>
            <Title order={2} fz="md" id="customer-panel-title">
              <Anchor href={hrefFor(`/customers/${c.id}`)} inherit data-testid="customer-panel-name">{c.name ?? c.email ?? `#${c.id}`}</Anchor>
            </Title>
            {c.email && <Text size="sm" truncate>{c.email}</Text>}
            {c.phone && <Text size="sm">{c.phone}</Text>}
            {place && <Text size="xs" c="dimmed">{place}</Text>}
          </Stack>
          <Stack gap={4} align="flex-end" style={{ flex: 'none' }}>
            <Text size="sm" fw={600} data-testid="customer-panel-points">{t('service.customer.points', { points: format.number(c.points.approved) })}</Text>
            {c.tier && <Badge variant="light" color="grape" styles={{ label: { textTransform: 'none' } }} data-testid="customer-panel-tier">{c.tier.tierName}</Badge>}
            <Text size="xs" c="dimmed">{t('service.customer.figures', { orders: format.number(c.figures.ordersCount), spend: format.money(c.figures.lifetimeSpendMinor, c.figures.currency) })}</Text>
          </Stack>
        </Group>
        <Group gap="xs" wrap="wrap">
          <Button size="xs" variant="default" leftSection={<IconArrowBackUp size={16} />} onClick={() => setDialog('return')} disabled={c.recentOrders.length === 0} data-testid="customer-start-return">
            {t('service.customer.startReturn')}
          </Button>
          <Button size="xs" variant="default" leftSection={<IconGift size={16} />} onClick={() => setDialog('points')} data-testid="customer-goodwill">
            {t('service.customer.goodwill')}
          </Button>
          <Tooltip label={t('service.customer.resendNeedsOrder')} disabled={ticket.order !== null}>
            <Button size="xs" variant="default" leftSection={<IconTruckDelivery size={16} />} onClick={resendTracking} disabled={ticket.order === null} loading={apply.isPending} data-testid="customer-resend-tracking">
              {t('service.customer.resendTracking')}
            </Button>
          </Tooltip>
        </Group>
        {apply.isError && <Alert color="red" variant="light" role="alert">{refusalSentence(t, apply.error)}</Alert>}
        <CustomerHistory customer={c} ticket={ticket} />
      </Stack>
      <StartReturnModal customer={c} defaultOrderId={ticket.order?.id ?? null} opened={dialog === 'return'} onClose={() => setDialog(null)} />
      <GoodwillModal customerId={c.id} ticketId={ticket.id} opened={dialog === 'points'} onClose={() => setDialog(null)} />
    </Paper>
  );
}
