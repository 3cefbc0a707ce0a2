import { Checkbox, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useT } from '../../../i18n';
import type { ConnectForm } from './connectForm';
import { VendureFields } from './VendureFields';

interface Props {
  form: ConnectForm;
  set: <K extends keyof ConnectForm>(field: K, value: ConnectForm[K]) => void;
  issue: (field: keyof ConnectForm) => string | undefined;
}

/** The platform's own keys: Shopify's Admin API access token, WooCommerce's consumer key and secret, or Vendure's key or login. */
export function CredentialsFields({ form, set, issue }: Props) {
  const t = useT();
  if (form.platform === 'vendure') return <VendureFields form={form} set={set} issue={issue} />;
  if (form.platform === 'shopify') {
    return (
      <PasswordInput label={t('sync.connect.accessToken')} description={t('sync.connect.accessTokenHint')} required autoComplete="off"
        value={form.accessToken} onChange={(e) => set('accessToken', e.currentTarget.value)} error={issue('accessToken')}
        data-testid="sync-connect-token" />
    );
  }
  return (
    <Stack gap="sm">
      <TextInput label={t('sync.connect.consumerKey')} description={t('sync.connect.consumerKeyHint')} required autoComplete="off"
        placeholder="ck_…" value={form.consumerKey} onChange={(e) => set('consumerKey', e.currentTarget.value)} error={issue('consumerKey')}
        data-testid="sync-connect-key" />
      <PasswordInput label={t('sync.connect.consumerSecret')} required autoComplete="off" placeholder="cs_…"
        value={form.consumerSecret} onChange={(e) => set('consumerSecret', e.currentTarget.value)} error={issue('consumerSecret')}
        data-testid="sync-connect-secret" />
      <Checkbox label={t('sync.connect.queryStringAuth')} description={t('sync.connect.queryStringAuthHint')}
        checked={form.queryStringAuth} onChange={(e) => set('queryStringAuth', e.currentTarget.checked)} data-testid="sync-connect-query-auth" />
    </Stack>
  );
}
