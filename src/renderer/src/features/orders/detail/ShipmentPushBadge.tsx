import { Badge, Tooltip } from '@mantine/core';
import type { OrderShipmentPush } from '../../../../../shared/contract';
import { useT } from '../../../i18n';

const COLORS: Record<OrderShipmentPush['state'], string> = {
  local: 'gray', pending: 'yellow', sending: 'blue', done: 'teal', failed: 'red', discarded: 'gray',
};

/** Where a parcel recorded in Backroom went: queued for, sent to or refused by the store, or kept here (demo store). */
export function ShipmentPushBadge({ push }: { push: OrderShipmentPush }) {
  const t = useT();
  const label = push.state === 'local' ? t('orders.tracking.push.local') : t(`orders.tracking.push.${push.state}`, { store: push.storeName });
  const badge = (
    <Badge size="sm" variant="outline" color={COLORS[push.state]} data-testid="shipment-push" data-state={push.state}>
      {label}
    </Badge>
  );
  // A refusal carries the marketplace's own sentence.
  return push.state !== 'local' && push.lastError ? <Tooltip label={push.lastError} multiline w={320}>{badge}</Tooltip> : badge;
}
