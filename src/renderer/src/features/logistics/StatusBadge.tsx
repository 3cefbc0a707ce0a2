import { Badge, Tooltip } from '@mantine/core';
import type { ShipmentStatus } from '../../../../shared/contract';
import { useT } from '../../i18n';
import { STATUS_COLORS, STATUS_LABELS, subStatusText } from './labels';

/** The carrier status as a badge; the sub-status ("Lost", "No one home") on hover and for screen readers. */
export function StatusBadge({ status, subStatus }: { status: ShipmentStatus; subStatus?: string | null }) {
  const t = useT();
  const detail = subStatusText(subStatus ?? null);
  const label = t(STATUS_LABELS[status]);
  const badge = (
    <Badge size="sm" variant="light" color={STATUS_COLORS[status]} data-testid="shipment-status" data-status={status}
      aria-label={detail ? `${label}: ${detail}` : undefined}>
      {label}
    </Badge>
  );
  return detail ? <Tooltip label={detail} withArrow openDelay={300}>{badge}</Tooltip> : badge;
}
