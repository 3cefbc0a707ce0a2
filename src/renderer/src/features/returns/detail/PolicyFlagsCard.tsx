import { Alert, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import type { ReturnPolicyFlag } from '../../../../../shared/contract/returns';
import { useT } from '../../../i18n';
import { flagExplainKey, flagKey } from '../labels';

/** What the policy check found when the request was made, and what each finding means. */
export function PolicyFlagsCard({ flags }: { flags: ReturnPolicyFlag[] }) {
  const t = useT();
  return (
    <Paper withBorder radius="md" p="md" data-testid="return-policy-flags">
      <Title order={2} fz="md" mb="sm">{t('returns.detail.policy')}</Title>
      {flags.length === 0 ? (
        <Text size="sm" c="dimmed"><IconCircleCheck size={16} style={{ verticalAlign: 'text-bottom' }} /> {t('returns.detail.withinPolicy')}</Text>
      ) : (
        <Stack gap="xs">
          {flags.map((flag) => (
            <Alert key={flag} color="orange" variant="light" icon={<IconAlertTriangle size={18} />} title={t(flagKey(flag))} data-flag={flag}>
              {t(flagExplainKey(flag))}
            </Alert>
          ))}
          <Text size="xs" c="dimmed">{t('returns.detail.flagsAdvice')}</Text>
        </Stack>
      )}
    </Paper>
  );
}
