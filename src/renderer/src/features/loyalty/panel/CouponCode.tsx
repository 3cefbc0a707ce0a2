import { ActionIcon, CopyButton, Group, Paper, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import type { CouponView } from '../../../../../shared/contract';
import { useI18n } from '../../../i18n';

/** The code the customer types at checkout, in a monospace face, with a copy button. */
export function CouponCode({ coupon, large }: { coupon: Pick<CouponView, 'code'>; large?: boolean }) {
  const { t } = useI18n();
  return (
    <Paper
      withBorder
      p={large ? 'md' : 4}
      px={large ? 'lg' : 'xs'}
      radius="md"
      bg={large ? 'var(--mantine-primary-color-light)' : undefined}
      style={{ borderStyle: large ? 'dashed' : undefined, display: large ? 'block' : 'inline-block' }}
    >
      <Group gap="sm" justify={large ? 'space-between' : 'flex-start'} wrap="nowrap">
        <Text
          ff="monospace"
          fz={large ? 28 : 'sm'}
          fw={700}
          style={{ letterSpacing: large ? 2 : 0.5, userSelect: 'all' }}
          data-testid={large ? 'coupon-code' : 'coupon-list-code'}
        >
          {coupon.code}
        </Text>
        <CopyButton value={coupon.code} timeout={1500}>
          {({ copied, copy }) => (
            <Tooltip label={copied ? t('loyalty.coupon.copied') : t('loyalty.coupon.copy')} withArrow>
              <ActionIcon
                variant={copied ? 'filled' : 'subtle'}
                color={copied ? 'teal' : undefined}
                size={large ? 'lg' : 'sm'}
                onClick={copy}
                aria-label={t('loyalty.coupon.copyCode', { code: coupon.code })}
              >
                {copied ? <IconCheck size={large ? 20 : 14} /> : <IconCopy size={large ? 20 : 14} />}
              </ActionIcon>
            </Tooltip>
          )}
        </CopyButton>
      </Group>
    </Paper>
  );
}
