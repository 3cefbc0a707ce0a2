import type { ExceptionKind, ShipmentStatus } from '../../../../shared/contract';
import type { MessageKey } from '../../i18n';

/** Badge colours by carrier status: green arrived, blue moving, red needs someone, grey waiting or given up. */
export const STATUS_COLORS: Record<ShipmentStatus, string> = {
  Pending: 'gray',
  InfoReceived: 'gray',
  InTransit: 'blue',
  OutForDelivery: 'cyan',
  AttemptFail: 'orange',
  Delivered: 'teal',
  AvailableForPickup: 'violet',
  Exception: 'red',
  Expired: 'dark',
};

/** The same colours for chart series, as theme variables so they follow light and dark. */
export const statusFill = (status: ShipmentStatus): string => `var(--mantine-color-${STATUS_COLORS[status]}-filled)`;

export const STATUS_LABELS: Record<ShipmentStatus, MessageKey> = {
  Pending: 'logistics.status.Pending',
  InfoReceived: 'logistics.status.InfoReceived',
  InTransit: 'logistics.status.InTransit',
  OutForDelivery: 'logistics.status.OutForDelivery',
  AttemptFail: 'logistics.status.AttemptFail',
  Delivered: 'logistics.status.Delivered',
  AvailableForPickup: 'logistics.status.AvailableForPickup',
  Exception: 'logistics.status.Exception',
  Expired: 'logistics.status.Expired',
};

export const KIND_LABELS: Record<ExceptionKind, MessageKey> = {
  late: 'logistics.kind.late',
  attempt_fail: 'logistics.kind.attempt_fail',
  exception: 'logistics.kind.exception',
  no_scan: 'logistics.kind.no_scan',
  disputed: 'logistics.kind.disputed',
};

export const KIND_COLORS: Record<ExceptionKind, string> = {
  late: 'orange',
  attempt_fail: 'yellow',
  exception: 'red',
  no_scan: 'gray',
  disputed: 'grape',
};

export const kindFill = (kind: ExceptionKind): string => `var(--mantine-color-${KIND_COLORS[kind]}-filled)`;

/** Sub-statuses arrive as "Exception_Lost": the part after the status reads as words. */
export function subStatusText(subStatus: string | null): string | null {
  if (!subStatus) return null;
  const tail = subStatus.includes('_') ? subStatus.slice(subStatus.indexOf('_') + 1) : subStatus;
  return tail.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/_/g, ' ');
}
