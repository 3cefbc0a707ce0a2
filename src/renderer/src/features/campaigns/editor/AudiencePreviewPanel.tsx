import { Alert, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo } from 'react';
import { audiencePreviewInput, type InputOf } from '../../../../../shared/contract';
import { errorCodeOf } from '../../../api';
import { useI18n } from '../../../i18n';
import { useAudiencePreview } from '../api';
import { formAudience, type CampaignFormValues } from './campaignForm';

const DEBOUNCE_MS = 400;

/**
 * Who the audience reaches right now, asked again a moment after the picker
 * stops changing: matched, left out for marketing consent, eligible, the
 * expected holdout, and list entries that matched nobody.
 */
export function AudiencePreviewPanel({ values }: { values: CampaignFormValues }) {
  const { t, format } = useI18n();
  const asked = useMemo(() => {
    const parsed = audiencePreviewInput.safeParse({
      audience: formAudience(values),
      holdoutPercent: values.holdoutPercent === '' ? Number.NaN : Number(values.holdoutPercent),
      storeId: values.storeId,
    });
    return parsed.success ? JSON.stringify(parsed.data) : null;
  }, [values]);
  const [debounced] = useDebouncedValue(asked, DEBOUNCE_MS);
  const input = debounced === null ? null : (JSON.parse(debounced) as InputOf<'campaigns.audience.preview'>);
  const preview = useAudiencePreview(input);
  const waiting = asked !== debounced || preview.isFetching;
  return (
    <Paper withBorder radius="md" p="md" data-testid="audience-preview" data-ready={!waiting && preview.isSuccess && asked !== null}>
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="md">{t('campaigns.preview.title')}</Title>
        {waiting && asked !== null && <Loader size="xs" aria-label={t('campaigns.preview.loading')} />}
      </Group>
      {asked === null ? (
        <Text size="sm" c="dimmed" data-testid="audience-preview-incomplete">{t('campaigns.preview.incomplete')}</Text>
      ) : preview.isError ? (
        <Alert color="red" variant="light">{t(`error.${errorCodeOf(preview.error)}`)}</Alert>
      ) : !preview.data ? (
        <Text size="sm" c="dimmed">{t('campaigns.preview.loading')}</Text>
      ) : (
        <Stack gap="sm" style={{ opacity: waiting ? 0.6 : 1 }}>
          <SimpleGrid cols={2} spacing="xs">
            <Figure label={t('campaigns.preview.matched')} value={preview.data.matched} testId="preview-matched" />
            <Figure label={t('campaigns.preview.noConsent')} value={preview.data.excludedNoConsent} testId="preview-no-consent" />
            <Figure label={t('campaigns.preview.eligible')} value={preview.data.eligible} testId="preview-eligible" />
            <Figure label={t('campaigns.preview.holdout')} value={preview.data.expectedHoldout} testId="preview-holdout" />
          </SimpleGrid>
          <Text size="sm">
            {t('campaigns.preview.sentence', {
              treatment: format.number(preview.data.eligible - preview.data.expectedHoldout),
              holdout: format.number(preview.data.expectedHoldout),
            })}
          </Text>
          {preview.data.unmatchedCount > 0 && (
            <Alert color="yellow" variant="light" title={t('campaigns.preview.unmatched', { count: format.number(preview.data.unmatchedCount) })} data-testid="preview-unmatched">
              <Text size="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>{preview.data.unmatchedEntries.join(', ')}</Text>
            </Alert>
          )}
          {preview.data.sample.length > 0 && (
            <Stack gap={2}>
              <Text size="xs" c="dimmed" fw={500}>{t('campaigns.preview.sample')}</Text>
              {preview.data.sample.slice(0, 5).map((s) => (
                <Text key={s.customerId} size="xs" truncate>{s.name ?? s.email ?? t('campaigns.customerNumber', { id: s.customerId })}</Text>
              ))}
            </Stack>
          )}
        </Stack>
      )}
    </Paper>
  );
}

function Figure({ label, value, testId }: { label: string; value: number; testId: string }) {
  const { format } = useI18n();
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text fw={700} fz="lg" data-testid={testId} data-value={value} style={{ fontVariantNumeric: 'tabular-nums' }}>{format.number(value)}</Text>
    </Stack>
  );
}
