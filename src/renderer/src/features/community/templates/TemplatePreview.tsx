import { Alert, Code, Group, Paper, SegmentedControl, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import type { MessageTemplate } from '../../../../../shared/contract';
import { QueryError } from '../../../components/QueryError';
import { useI18n } from '../../../i18n';
import { useTemplatePreview } from '../api';
import { CustomerPicker, type PickedCustomer } from '../../../components/CustomerPicker';

/** The saved template filled in for one customer, in either language, with the variables that had no value. */
export function TemplatePreview({ template }: { template: MessageTemplate }) {
  const { t, locale } = useI18n();
  const [customer, setCustomer] = useState<PickedCustomer | null>(null);
  const customerId = customer?.id ?? null;
  const [language, setLanguage] = useState<'en' | 'zh-CN'>(locale);
  const preview = useTemplatePreview(customerId === null ? null : { id: template.id, customerId, language }, template.version);

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="template-preview-title">
      <Title order={3} fz="md" mb="sm" id="template-preview-title">{t('community.templates.preview')}</Title>
      <Group align="flex-end" gap="sm" wrap="wrap" mb="sm">
        <CustomerPicker value={customer} onChange={setCustomer} suggestTopCustomers label={t('community.templates.previewFor')}
          placeholder={t('community.templates.customerPlaceholder')} nothingFound={t('community.templates.noCustomer')} testId="template-preview-customer" />
        <SegmentedControl
          aria-label={t('community.export.language')}
          value={language}
          onChange={(v) => setLanguage(v as 'en' | 'zh-CN')}
          data={[{ value: 'en', label: t('language.en') }, { value: 'zh-CN', label: t('language.zh-CN') }]}
          data-testid="template-preview-language"
        />
      </Group>
      {customerId === null ? (
        <Text size="sm" c="dimmed" data-testid="template-preview-none">{t('community.templates.pickCustomer')}</Text>
      ) : preview.isPending ? <Skeleton height={100} /> : preview.isError ? (
        <QueryError error={preview.error} onRetry={() => void preview.refetch()} />
      ) : (
        <Stack gap="sm">
          <Paper bg="var(--mantine-color-default-hover)" p="sm" radius="sm">
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="template-preview-text">{preview.data.text}</Text>
          </Paper>
          {(preview.data.missing.length > 0 || preview.data.unknown.length > 0) && (
            <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />} data-testid="template-preview-missing">
              {preview.data.missing.length > 0 && (
                <Text size="sm">{t('community.templates.missing')} {preview.data.missing.map((n) => <Code key={n} mr={4}>{`{{${n}}}`}</Code>)}</Text>
              )}
              {preview.data.unknown.length > 0 && (
                <Text size="sm" mt={4}>{t('community.templates.unknownInPreview')} {preview.data.unknown.map((n) => <Code key={n} mr={4}>{`{{${n}}}`}</Code>)}</Text>
              )}
            </Alert>
          )}
        </Stack>
      )}
    </Paper>
  );
}
