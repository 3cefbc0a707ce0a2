import { Divider, Drawer, Group, Skeleton, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { OrderDetail } from '../../../../../shared/contract';
import { QueryError } from '../../../components/QueryError';
import { useT } from '../../../i18n';
import { useOrder } from '../api';
import { AuditSection } from './AuditSection';
import { LinesSection } from './LinesSection';
import { NotesTagsEditor } from './NotesTagsEditor';
import { OrderSummary } from './OrderSummary';
import { PaymentsSection, RefundsSection } from './PaymentsSection';
import { PointsSection } from './PointsSection';
import { RefundForm } from './RefundForm';
import { ReturnsSection, TicketsSection } from './ServiceSections';
import { ShipmentsSection } from './ShipmentsSection';

/**
 * One order, whole, beside the list. The route owns whether it is open
 * ("/orders/123"), so the address can be shared; Escape or the close button
 * go back to "/orders", and Mantine returns focus to the row's table.
 */
export function OrderDrawer({ orderId, onClose }: { orderId: number | null; onClose: () => void }) {
  const t = useT();
  const order = useOrder(orderId);
  // Which order's refund form is open. While one is, Escape closes the form
  // (RefundForm handles it), not the drawer: Mantine listens on the window, so
  // the drawer must be told.
  const [refundingId, setRefundingId] = useState<number | null>(null);
  const refunding = refundingId !== null && refundingId === orderId;
  // The same for the "Add tracking" form.
  const [trackingId, setTrackingId] = useState<number | null>(null);
  const tracking = trackingId !== null && trackingId === orderId;
  const title = order.data ? t('orders.drawer.title', { number: order.data.orderNumber }) : t('area.orders.title');
  return (
    <Drawer
      opened={orderId !== null}
      onClose={onClose}
      closeOnEscape={!refunding && !tracking}
      position="right"
      size={640}
      title={<Text fw={700} fz="lg" data-testid="order-drawer-title">{title}</Text>}
      closeButtonProps={{ 'aria-label': t('orders.drawer.close') }}
      data-testid="order-drawer"
    >
      {order.isPending && orderId !== null && <DrawerSkeleton />}
      {order.isError && <QueryError error={order.error} onRetry={() => void order.refetch()} />}
      {order.data && (
        <OrderBody
          key={order.data.id}
          order={order.data}
          refunding={refunding}
          setRefunding={(open) => setRefundingId(open ? order.data.id : null)}
          tracking={tracking}
          setTracking={(open) => setTrackingId(open ? order.data.id : null)}
        />
      )}
    </Drawer>
  );
}

interface OrderBodyProps {
  order: OrderDetail;
  refunding: boolean;
  setRefunding: (open: boolean) => void;
  tracking: boolean;
  setTracking: (open: boolean) => void;
}

function OrderBody({ order, refunding, setRefunding, tracking, setTracking }: OrderBodyProps) {
  return (
    <Stack gap="lg" pb="xl" data-testid="order-detail" data-order-id={order.id}>
      <OrderSummary order={order} onRefund={() => setRefunding(true)} refunding={refunding} />
      {refunding && <RefundForm order={order} onDone={() => setRefunding(false)} />}
      <PointsSection order={order} />
      <Divider />
      <LinesSection order={order} />
      <PaymentsSection order={order} />
      <RefundsSection order={order} />
      <ShipmentsSection order={order} adding={tracking} setAdding={setTracking} />
      <TicketsSection order={order} />
      <ReturnsSection order={order} />
      <Divider />
      <NotesTagsEditor order={order} />
      <AuditSection order={order} />
    </Stack>
  );
}

function DrawerSkeleton() {
  return (
    <Stack gap="md" data-testid="order-drawer-loading">
      <Group gap={6}>
        <Skeleton height={20} width={80} radius="xl" />
        <Skeleton height={20} width={80} radius="xl" />
        <Skeleton height={20} width={80} radius="xl" />
      </Group>
      <Skeleton height={14} width="70%" />
      <Skeleton height={64} />
      <Skeleton height={96} />
      <Skeleton height={14} width="40%" mt="md" />
      {[0, 1, 2].map((i) => (
        <Skeleton key={i} height={32} />
      ))}
    </Stack>
  );
}
