import { PasswordInput, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useT } from '../../../i18n';
import type { ConnectForm } from './connectForm';

interface Props {
  form: ConnectForm;
  set: <K extends keyof ConnectForm>(field: K, value: ConnectForm[K]) => void;
  issue: (field: keyof ConnectForm) => string | undefined;
}

/** Vendure's Admin API: an API key, or an administrator's username and password; a channel token when the shop has several. */
export function VendureFields({ form, set, issue }: Props) {
  const t = useT();
  return (
    <Stack gap="sm">
      <Stack gap={4}>
        <Text size="sm" fw={500} id="sync-vendure-auth-label">{t('sync.connect.vendureAuth')}</Text>
        <SegmentedControl aria-labelledby="sync-vendure-auth-label" w="fit-content" value={form.vendureAuth}
          onChange={(value) => set('vendureAuth', value as ConnectForm['vendureAuth'])}
          data={[{ value: 'apiKey', label: t('sync.connect.vendureAuth.apiKey') }, { value: 'login', label: t('sync.connect.vendureAuth.login') }]}
          data-testid="sync-connect-vendure-auth" />
      </Stack>
      {form.vendureAuth === 'apiKey' ? (
        <PasswordInput label={t('sync.connect.vendureApiKey')} description={t('sync.connect.vendureApiKeyHint')} required autoComplete="off"
          value={form.apiKey} onChange={(e) => set('apiKey', e.currentTarget.value)} error={issue('apiKey')} data-testid="sync-connect-vendure-key" />
      ) : (
        <>
          <TextInput label={t('sync.connect.vendureUsername')} description={t('sync.connect.vendureLoginHint')} required autoComplete="off"
            value={form.username} onChange={(e) => set('username', e.currentTarget.value)} error={issue('username')}
            data-testid="sync-connect-vendure-username" />
          <PasswordInput label={t('sync.connect.vendurePassword')} required autoComplete="off" value={form.password}
            onChange={(e) => set('password', e.currentTarget.value)} error={issue('password')} data-testid="sync-connect-vendure-password" />
        </>
      )}
      <TextInput label={t('sync.connect.vendureChannelToken')} description={t('sync.connect.vendureChannelTokenHint')} autoComplete="off"
        value={form.channelToken} onChange={(e) => set('channelToken', e.currentTarget.value)} data-testid="sync-connect-vendure-channel" />
    </Stack>
  );
}
