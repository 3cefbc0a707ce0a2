import { describe, expect, it } from 'vitest';
import { syncMessage } from '../../src/renderer/src/features/sync/messages';
import { translate, type MessageKey } from '../../src/renderer/src/i18n/dictionary';
import { createFormatters } from '../../src/renderer/src/i18n/format';

/**
 * The core's sync sentences said again in Chinese (features/sync/messages.ts):
 * each sample is the core's wording as the connectors and the engine write it.
 */
const zh = { locale: 'zh-CN' as const, t: (key: MessageKey, vars?: Record<string, string | number>) => translate('zh-CN', key, vars),
  format: createFormatters('zh-CN') };
const en = { ...zh, locale: 'en' as const };

const SAMPLES = [
  'WooCommerce refused the API keys. WooCommerce said: "Consumer secret is invalid." Check the consumer key and secret (WooCommerce › Settings › Advanced › REST API) and that the key has read/write access.',
  'WooCommerce refused the API keys. Check the consumer key and secret (WooCommerce › Settings › Advanced › REST API) and that the key has read/write access. If the keys are right, the host may be removing the Authorization header: turn on sending the keys in the query string.',
  'WooCommerce refused the request (HTTP 400). WooCommerce said: "Invalid parameter(s): note"',
  'The shop answered with an error (HTTP 502).',
  'The shop has no WooCommerce REST API at this address: check the shop URL and that pretty permalinks are on.',
  'The shop answered with something that is not JSON (a plugin or the host may be printing errors into the API).',
  'The shop asked Backroom to slow down; trying again in 5 seconds.',
  'Could not reach the shop at shop.example.com (ECONNREFUSED).',
  'Shopify refused the access token ("[API] Invalid API key or access token"). Check that the whole Admin API access token was pasted and that the app is still installed.',
  'Shopify refused access: the app is missing a scope it needs (read_orders, read_customers, read_products).',
  'There is no Shopify Admin API at this address. Check the shop URL (https://your-shop.myshopify.com).',
  'Shopify could not be reached (fetch failed).',
  'Shopify did not answer within 30 seconds.',
  'Shopify is throttling requests: the API cost budget is spent. Waiting for it to refill.',
  'Shopify had a server error (503); the request will be retried.',
  'Shopify rejected the request (422: Unprocessable).',
  'Could not reach the Vendure server at localhost:3000 (ECONNREFUSED).',
  'There is no Vendure Admin API at http://localhost:3000/admin-api: check the shop address.',
  'Vendure refused the administrator login: The credentials did not match. Check the username and password.',
  'The store could not be reached; changes wait in the outbox.',
  'Backroom stopped during this sync; the next sync resumes where it left off.',
  'Sync started (manual): products, customers, orders.',
  'Sync cancelled; everything fetched so far is kept.',
  'Skipped gid://shopify/Order/7: The total 100 does not add up.',
  'Skipped 12 more records on page 3; all are in quarantine with their reasons.',
  'Resuming orders at page 4, where an interrupted sync stopped.',
  'Fetching orders changed since 2026-11-20T10:00:00.000Z.',
  'Fetching all customers.',
  'Shopify had a server error (503); the request will be retried. Trying again in 2 s (attempt 2 of 5).',
  'The platform counted 251 orders but listed 250; records that changed while paging are picked up by the next sync.',
  'orders: fetched 250; 240 new, 8 updated, 2 skipped as not newer than what Backroom has, 1 quarantined (reasons above).',
  'customers: fetched 113; 113 new, 0 updated.',
];

describe('the sync sentences in Chinese', () => {
  it('has a Chinese sentence for every sample, with its values filled in and no English framing left', () => {
    for (const message of SAMPLES) {
      const shown = syncMessage(zh, message);
      expect(shown, message).not.toBe(message);
      expect(shown, message).not.toMatch(/\{\w+\}/);
      // What is left in Latin letters is names and the platform's own words, never the core's framing.
      expect(shown, message).not.toMatch(/\b(refused|answered|could not|Check|Trying|fetched|Skipped|Fetching|Sync)\b/);
    }
  });

  it('keeps the platform\'s own words, the ids and the reasons as they came, and counts in the UI\'s digits', () => {
    const sample = (start: string) => SAMPLES.find((message) => message.startsWith(start))!;
    expect(syncMessage(zh, SAMPLES[0]!)).toBe('WooCommerce 拒绝了 API 密钥。WooCommerce 的原话：“Consumer secret is invalid.”' +
      '请检查 Consumer key 和 Consumer secret（WooCommerce › 设置 › 高级 › REST API），并确认该密钥具有读/写权限。');
    expect(syncMessage(zh, sample('WooCommerce refused the request'))).toBe('WooCommerce 拒绝了请求（HTTP 400）。' +
      'WooCommerce 的原话：“Invalid parameter(s): note”。');
    expect(syncMessage(zh, sample('Skipped gid'))).toBe('已跳过 gid://shopify/Order/7：The total 100 does not add up.');
    expect(syncMessage(zh, sample('orders: fetched'))).toBe('订单：获取 250 条；新增 240 条，更新 8 条；2 条因不比 Backroom 中的新而跳过；1 条被隔离（原因见上）。');
    expect(syncMessage(zh, sample('Shopify had a server error (503); the request will be retried. Trying'))).toBe('Shopify 服务器出错（503）；将重试该请求。2 秒后重试（第 2 次，共 5 次）。');
  });

  it('shows English as it came, and a sentence it does not know as it is', () => {
    for (const message of SAMPLES) expect(syncMessage(en, message)).toBe(message);
    expect(syncMessage(zh, 'Something new happened.')).toBe('Something new happened.');
  });
});
