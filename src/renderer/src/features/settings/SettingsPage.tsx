import type { ReactNode } from 'react';
import { Code, Divider, Group, Paper, SegmentedControl, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import {
  COLOR_SCHEMES,
  LOCALES,
  type ColorSchemeSetting,
  type Locale,
} from '../../../../shared/contract';
import { useEffectiveSettings } from '../../app/preferences';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { useT } from '../../i18n';
import { useAppInfo, useUpdateSettings } from './api';
import { ServiceSettingsLinks } from './ServiceSettingsLinks';

export function SettingsPage() {
  const t = useT();
  const settings = useEffectiveSettings();
  const update = useUpdateSettings(settings);
  return (
    <>
      <PageHeader title={t('area.settings.title')} />
      <Stack gap="lg" maw={760}>
        <Paper withBorder p="lg">
          <Stack gap="lg">
            <SettingRow title={t('settings.language')} hint={t('settings.languageHint')}>
              <SegmentedControl
                aria-label={t('settings.language')}
                data-testid="settings-language"
                value={settings.locale}
                onChange={(value) => update.mutate({ locale: value as Locale })}
                data={LOCALES.map((locale) => ({ value: locale, label: t(`language.${locale}`) }))}
              />
            </SettingRow>
            <Divider />
            <SettingRow title={t('settings.colorScheme')} hint={t('settings.colorSchemeHint')}>
              <SegmentedControl
                aria-label={t('settings.colorScheme')}
                data-testid="settings-color-scheme"
                value={settings.colorScheme}
                onChange={(value) => update.mutate({ colorScheme: value as ColorSchemeSetting })}
                data={COLOR_SCHEMES.map((scheme) => ({ value: scheme, label: t(`settings.scheme.${scheme}`) }))}
              />
            </SettingRow>
          </Stack>
        </Paper>
        <ServiceSettingsLinks />
        <AboutPanel />
      </Stack>
    </>
  );
}

function SettingRow({ title, hint, children }: { title: string; hint: string; children: ReactNode }) {
  return (
    <Group justify="space-between" align="center" gap="md" wrap="wrap">
      <Stack gap={2} maw={380}>
        <Title order={2} fz="md">{title}</Title>
        <Text size="sm" c="dimmed">{hint}</Text>
      </Stack>
      {children}
    </Group>
  );
}

function AboutPanel() {
  const t = useT();
  const info = useAppInfo();
  return (
    <Paper withBorder p="lg">
      <Title order={2} fz="md" mb="sm">{t('settings.about')}</Title>
      {info.isPending && <Skeleton height={96} />}
      {info.isError && <QueryError error={info.error} onRetry={() => void info.refetch()} />}
      {info.isSuccess && (
        <Table variant="vertical" layout="fixed" withRowBorders={false} verticalSpacing={6}>
          <Table.Tbody>
            <Row label={t('settings.version')} value={info.data.version} />
            <Row label={t('settings.schemaVersion')} value={String(info.data.schemaVersion)} />
            <Row label={t('settings.databasePath')} value={<Code>{info.data.databasePath}</Code>} />
            <Row
              label={t('settings.stores')}
              value={info.data.stores.map((s) => `${s.name} (${s.platform}, ${s.currency})`).join(' · ') || t('app.noStore')}
            />
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

function Row({ label, value }: { label: string; value: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w={180} fw={500} c="dimmed">{label}</Table.Th>
      <Table.Td style={{ wordBreak: 'break-all' }}>{value}</Table.Td>
    </Table.Tr>
  );
}
