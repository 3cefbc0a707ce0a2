import { Alert, Anchor, Button, Checkbox, Group, NumberInput, Paper, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconArrowLeft, IconCheck, IconPlugConnected, IconX } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { SYNC_RESOURCES, type ConnectionTest, type SyncResourceName } from '../../../../../shared/contract';
import { useActingStaff } from '../../../app/actingStaff';
import { hrefFor, navigate } from '../../../app/router';
import { PageHeader } from '../../../components/PageHeader';
import { useT } from '../../../i18n';
import { useConnectStore, useTestConnection } from '../api';
import { resourceLabel, syncErrorSentence } from '../labels';
import { useSyncSentences } from '../messages';
import { syncTabPath } from '../routes';
import { connectInputOf, connectIssues, initialConnectForm, testInputOf, testKeyOf, type ConnectForm } from './connectForm';
import { CredentialsFields } from './CredentialsFields';

// Chromium lists IANA zones without 'UTC' itself, which is also what a machine set to UTC reports.
const TIME_ZONES = ['UTC', ...(typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC') : [])];
const CURRENCIES = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : ['USD', 'EUR', 'GBP', 'CNY'];

type Verdict = ConnectionTest & { key: string };

/**
 * '/sync/connect': the platform, the shop's address and its keys, tested with
 * a clear verdict (the platform's own reason when it refuses) before the
 * store can be connected; then what to sync, the shop's time zone and
 * currency, and how often. The keys go to the core once and are never shown again.
 */
export function ConnectPage() {
  const t = useT();
  const sentences = useSyncSentences();
  const staff = useActingStaff();
  const [form, setForm] = useState<ConnectForm>(() => initialConnectForm(TIME_ZONES));
  const [showIssues, setShowIssues] = useState<'test' | 'connect' | null>(null);
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const test = useTestConnection();
  const connect = useConnectStore();
  const issues = useMemo(() => (showIssues ? connectIssues(form, showIssues === 'connect') : {}), [form, showIssues]);
  const key = testKeyOf(form);
  const tested = verdict?.ok === true && verdict.key === key;
  const set = <K extends keyof ConnectForm>(field: K, value: ConnectForm[K]) => setForm((f) => ({ ...f, [field]: value }));
  const issue = (field: keyof ConnectForm) => (issues[field] ? t(issues[field]) : undefined);

  const runTest = () => {
    setShowIssues('test');
    if (Object.keys(connectIssues(form, false)).length > 0) return;
    test.mutate(testInputOf(form), {
      onSuccess: (result) => {
        setVerdict({ ...result, key });
        // The shop knows its own time zone and currency better than a guess.
        if (result.ok && result.shop) {
          const shop = result.shop;
          setForm((f) => ({
            ...f,
            name: f.name.trim() === '' ? shop.name : f.name,
            timezone: shop.timezone && TIME_ZONES.includes(shop.timezone) ? shop.timezone : f.timezone,
            currency: shop.currency && /^[A-Z]{3}$/.test(shop.currency) ? shop.currency : f.currency,
          }));
        }
      },
      onError: (error) => setVerdict({ ok: false, message: syncErrorSentence(t, error), key }),
    });
  };

  const submit = () => {
    setShowIssues('connect');
    if (!staff || !tested || Object.keys(connectIssues(form, true)).length > 0) return;
    connect.mutate(connectInputOf(form, staff.id), {
      onSuccess: (store) => {
        notifications.show({
          color: store.secretStore === 'file' ? 'yellow' : 'teal',
          title: t('sync.connect.done', { store: store.name }),
          message: store.secretStore === 'file' ? t('sync.connect.doneFileBody') : t('sync.connect.doneBody'),
          autoClose: 8000,
        });
        navigate(syncTabPath('overview'));
      },
    });
  };

  return (
    <>
      <PageHeader title={t('sync.connect.title')} description={t('sync.connect.description')}
        actions={<Anchor href={hrefFor(syncTabPath('overview'))} size="sm"><Group gap={4}><IconArrowLeft size={14} />{t('sync.connect.back')}</Group></Anchor>} />
      <Paper withBorder p="lg" radius="md" maw={760} component="form" onSubmit={(e) => { e.preventDefault(); submit(); }} data-testid="sync-connect-form">
        <Stack gap="md">
          <Stack gap={4}>
            <Text size="sm" fw={500} id="sync-platform-label">{t('sync.connect.platform')}</Text>
            <SegmentedControl
              aria-labelledby="sync-platform-label"
              value={form.platform}
              onChange={(value) => set('platform', value as ConnectForm['platform'])}
              data={[{ value: 'shopify', label: t('sync.platform.shopify') }, { value: 'woocommerce', label: t('sync.platform.woocommerce') },
                { value: 'vendure', label: t('sync.platform.vendure') }]}
              data-testid="sync-connect-platform"
              w="fit-content"
            />
          </Stack>
          <TextInput label={t('sync.connect.shopUrl')} description={t(`sync.connect.shopUrlHint.${form.platform}`)} required
            placeholder={form.platform === 'shopify' ? 'https://my-shop.myshopify.com' : 'https://shop.example.com'}
            value={form.shopUrl} onChange={(e) => set('shopUrl', e.currentTarget.value)} error={issue('shopUrl')} data-testid="sync-connect-url" />
          <CredentialsFields form={form} set={set} issue={issue} />
          <Group gap="sm" align="center">
            <Button variant="light" onClick={runTest} loading={test.isPending} data-testid="sync-connect-test">{t('sync.connect.test')}</Button>
            {verdict && verdict.key !== key && <Text size="sm" c="dimmed">{t('sync.connect.retest')}</Text>}
          </Group>
          {verdict && verdict.key === key && (
            <Alert color={verdict.ok ? 'teal' : 'red'} icon={verdict.ok ? <IconCheck size={18} /> : <IconX size={18} />}
              title={verdict.ok ? t('sync.connect.verdictOk') : t('sync.connect.verdictFailed')}
              data-testid="sync-connect-verdict" data-ok={verdict.ok}>
              {sentences.message(verdict.message)}
            </Alert>
          )}
          <TextInput label={t('sync.connect.name')} description={t('sync.connect.nameHint')} required value={form.name}
            onChange={(e) => set('name', e.currentTarget.value)} error={issue('name')} data-testid="sync-connect-name" />
          <Checkbox.Group label={t('sync.connect.resources')} value={form.resources} onChange={(v) => set('resources', v as SyncResourceName[])}
            error={issue('resources')} data-testid="sync-connect-resources">
            <Group mt={6}>
              {SYNC_RESOURCES.map((r) => <Checkbox key={r} value={r} label={resourceLabel(t, r)} />)}
            </Group>
          </Checkbox.Group>
          <Group grow align="flex-start">
            <Select label={t('sync.connect.timezone')} data={TIME_ZONES} searchable value={form.timezone} allowDeselect={false}
              onChange={(v) => v && set('timezone', v)} error={issue('timezone')} data-testid="sync-connect-timezone" />
            <Select label={t('sync.connect.currency')} data={CURRENCIES} searchable value={form.currency} allowDeselect={false}
              onChange={(v) => v && set('currency', v)} error={issue('currency')} data-testid="sync-connect-currency" />
            <NumberInput label={t('sync.connect.interval')} description={t('sync.connect.intervalHint')} min={0} max={1440} step={5}
              allowDecimal={false} value={form.intervalMinutes} onChange={(v) => set('intervalMinutes', typeof v === 'number' ? v : 0)}
              error={issue('intervalMinutes')} data-testid="sync-connect-interval" />
          </Group>
          <Text size="xs" c="dimmed">{t('sync.connect.secretNote')}</Text>
          {!staff && <Alert color="yellow" icon={<IconAlertTriangle size={18} />}>{t('sync.noStaff')}</Alert>}
          {connect.isError && <Alert color="red" data-testid="sync-connect-error">{sentences.error(connect.error)}</Alert>}
          <Group justify="flex-end">
            {!tested && <Text size="sm" c="dimmed">{t('sync.connect.testFirst')}</Text>}
            <Button type="submit" leftSection={<IconPlugConnected size={16} />} disabled={!tested || !staff} loading={connect.isPending} data-testid="sync-connect-submit">
              {t('sync.connect.submit')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </>
  );
}
