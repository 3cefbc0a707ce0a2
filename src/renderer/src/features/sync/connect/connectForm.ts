import type { ConnectablePlatform, InputOf, SyncResourceName } from '../../../../../shared/contract';
import type { MessageKey } from '../../../i18n';

/** What the connection form holds; secrets live only here, in memory, until "Connect". */
export interface ConnectForm {
  platform: ConnectablePlatform;
  name: string;
  shopUrl: string;
  accessToken: string;
  consumerKey: string;
  consumerSecret: string;
  queryStringAuth: boolean;
  /** Vendure: an API key, or an administrator's login exchanged for a session (never stored as a session). */
  vendureAuth: 'apiKey' | 'login';
  apiKey: string;
  username: string;
  password: string;
  channelToken: string;
  resources: SyncResourceName[];
  timezone: string;
  currency: string;
  intervalMinutes: number;
}

export type ConnectField = keyof ConnectForm;
export type ConnectIssues = Partial<Record<ConnectField, MessageKey>>;

export function initialConnectForm(timeZones: readonly string[]): ConnectForm {
  const own = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return {
    platform: 'shopify',
    name: '',
    shopUrl: '',
    accessToken: '',
    consumerKey: '',
    consumerSecret: '',
    queryStringAuth: false,
    vendureAuth: 'apiKey',
    apiKey: '',
    username: '',
    password: '',
    channelToken: '',
    resources: ['products', 'customers', 'orders'],
    timezone: own && timeZones.includes(own) ? own : 'UTC',
    currency: 'USD',
    intervalMinutes: 15,
  };
}

function isShopUrl(value: string): boolean {
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** The issues that stop a test (address and keys) or a connection (everything), each with the sentence's key. */
export function connectIssues(form: ConnectForm, forConnect: boolean): ConnectIssues {
  const issues: ConnectIssues = {};
  if (!isShopUrl(form.shopUrl)) issues.shopUrl = 'sync.connect.issue.shopUrl';
  if (form.platform === 'shopify' && form.accessToken.trim() === '') issues.accessToken = 'sync.connect.issue.accessToken';
  if (form.platform === 'woocommerce') {
    if (form.consumerKey.trim() === '') issues.consumerKey = 'sync.connect.issue.consumerKey';
    if (form.consumerSecret.trim() === '') issues.consumerSecret = 'sync.connect.issue.consumerSecret';
  }
  if (form.platform === 'vendure' && form.vendureAuth === 'apiKey' && form.apiKey.trim() === '') issues.apiKey = 'sync.connect.issue.vendureApiKey';
  if (form.platform === 'vendure' && form.vendureAuth === 'login') {
    if (form.username.trim() === '') issues.username = 'sync.connect.issue.vendureUsername';
    if (form.password === '') issues.password = 'sync.connect.issue.vendurePassword';
  }
  if (!forConnect) return issues;
  if (form.name.trim() === '') issues.name = 'sync.connect.issue.name';
  if (form.resources.length === 0) issues.resources = 'sync.connect.issue.resources';
  if (!/^[A-Z]{3}$/.test(form.currency)) issues.currency = 'sync.connect.issue.currency';
  if (form.timezone.trim() === '') issues.timezone = 'sync.connect.issue.timezone';
  if (!Number.isInteger(form.intervalMinutes) || form.intervalMinutes < 0 || form.intervalMinutes > 1440) {
    issues.intervalMinutes = 'sync.connect.issue.interval';
  }
  return issues;
}

/** Only the chosen way of signing in is sent: a key left in the other tab must not travel with a login. */
function vendureCredentials(form: ConnectForm): InputOf<'stores.connect'>['credentials'] {
  const channel = form.channelToken.trim() === '' ? {} : { channelToken: form.channelToken.trim() };
  return form.vendureAuth === 'apiKey'
    ? { platform: 'vendure', apiKey: form.apiKey.trim(), ...channel }
    : { platform: 'vendure', username: form.username.trim(), password: form.password, ...channel };
}

export function credentialsOf(form: ConnectForm): InputOf<'stores.connect'>['credentials'] {
  if (form.platform === 'vendure') return vendureCredentials(form);
  return form.platform === 'shopify'
    ? { platform: 'shopify', accessToken: form.accessToken.trim() }
    : {
        platform: 'woocommerce',
        consumerKey: form.consumerKey.trim(),
        consumerSecret: form.consumerSecret.trim(),
        queryStringAuth: form.queryStringAuth,
      };
}

export const testInputOf = (form: ConnectForm): InputOf<'stores.test'> => ({ shopUrl: form.shopUrl.trim(), credentials: credentialsOf(form) });

/** The same address and keys give the same verdict: a test counts only for what it tested. */
export const testKeyOf = (form: ConnectForm): string => JSON.stringify(testInputOf(form));

export const connectInputOf = (form: ConnectForm, staffId: number): InputOf<'stores.connect'> => ({
  staffId,
  name: form.name.trim(),
  shopUrl: form.shopUrl.trim(),
  credentials: credentialsOf(form),
  resources: form.resources,
  timezone: form.timezone,
  currency: form.currency,
  intervalMinutes: form.intervalMinutes,
});
