import { Badge } from '@mantine/core';
import type { CampaignStatus } from '../../../../shared/contract';
import { useT } from '../../i18n';
import { STATUS_COLOR, STATUS_LABEL } from './labels';

export function StatusBadge({ status }: { status: CampaignStatus }) {
  const t = useT();
  return (
    <Badge color={STATUS_COLOR[status]} variant="light" data-testid="campaign-status" data-status={status}>
      {t(STATUS_LABEL[status])}
    </Badge>
  );
}
