import { Badge, Group, Tooltip } from '@mantine/core';
import type { ReturnPolicyFlag, ReturnStatus } from '../../../../shared/contract/returns';
import { useT } from '../../i18n';
import { flagExplainKey, flagKey, STATUS_COLORS, statusKey } from './labels';

/** A return's step; the colour is never the only signal (the badge says its name). */
export function StatusBadge({ status, size = 'sm' }: { status: ReturnStatus; size?: 'sm' | 'md' | 'lg' }) {
  const t = useT();
  return (
    <Badge size={size} variant="light" color={STATUS_COLORS[status]} style={{ flex: 'none' }} data-testid="return-status" data-status={status}>
      {t(statusKey(status))}
    </Badge>
  );
}

/**
 * What the policy check found, each with its explanation on hover. Not tab
 * stops: in the list a row is one stop (Enter opens it), and the return's
 * page spells every explanation out.
 */
export function FlagBadges({ flags }: { flags: ReturnPolicyFlag[] }) {
  const t = useT();
  if (flags.length === 0) return null;
  return (
    <Group gap={4} wrap="nowrap">
      {flags.map((flag) => (
        <Tooltip key={flag} label={t(flagExplainKey(flag))} multiline w={260} withinPortal>
          <Badge size="sm" variant="outline" color="orange" style={{ flex: 'none' }} data-testid="return-flag" data-flag={flag}>
            {t(flagKey(flag))}
          </Badge>
        </Tooltip>
      ))}
    </Group>
  );
}
