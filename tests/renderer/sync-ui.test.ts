import { describe, expect, it } from 'vitest';
import { connectIssues, connectInputOf, initialConnectForm, testKeyOf, type ConnectForm } from '../../src/renderer/src/features/sync/connect/connectForm';
import { csvHeader } from '../../src/renderer/src/features/sync/import/csvFile';
import { columnsToFields, guessMapping } from '../../src/renderer/src/features/sync/import/mapping';
import { parsePayload } from '../../src/renderer/src/features/sync/outbox/payload';
import { parseSyncPath } from '../../src/renderer/src/features/sync/routes';
import { importInput, storesConnectInput } from '../../src/shared/contract';

describe('sync area addresses', () => {
  it('maps each path to its tab or page, and refuses others', () => {
    expect(parseSyncPath('/sync')).toEqual({ kind: 'tab', tab: 'overview' });
    expect(parseSyncPath('/sync/')).toEqual({ kind: 'tab', tab: 'overview' });
    expect(parseSyncPath('/sync/connect')).toEqual({ kind: 'connect' });
    expect(parseSyncPath('/sync/outbox')).toEqual({ kind: 'tab', tab: 'outbox' });
    expect(parseSyncPath('/sync/overview')).toEqual({ kind: 'notFound' });
    expect(parseSyncPath('/sync/log/7')).toEqual({ kind: 'notFound' });
  });
});

describe('the connection form', () => {
  const woo: ConnectForm = {
    ...initialConnectForm(['UTC', 'Europe/Paris']), platform: 'woocommerce', name: ' Hillside ', shopUrl: ' https://shop.example.com ',
    consumerKey: 'ck_1', consumerSecret: ' cs_2 ', queryStringAuth: true, currency: 'EUR', timezone: 'Europe/Paris',
  };

  it('names every missing piece before a test, and the rest before connecting', () => {
    const empty = initialConnectForm(['UTC']);
    expect(Object.keys(connectIssues(empty, false)).sort()).toEqual(['accessToken', 'shopUrl']);
    expect(Object.keys(connectIssues({ ...empty, resources: [], currency: 'eur', intervalMinutes: 2000 }, true)).sort())
      .toEqual(['accessToken', 'currency', 'intervalMinutes', 'name', 'resources', 'shopUrl']);
    expect(connectIssues({ ...woo, shopUrl: 'shop.example.com' }, false)).toEqual({ shopUrl: 'sync.connect.issue.shopUrl' });
    expect(connectIssues(woo, true)).toEqual({});
  });

  it('sends what the contract accepts, trimmed, with only the chosen platform’s keys', () => {
    const input = connectInputOf(woo, 3);
    expect(storesConnectInput.parse(input)).toMatchObject({
      name: 'Hillside', shopUrl: 'https://shop.example.com',
      credentials: { platform: 'woocommerce', consumerKey: 'ck_1', consumerSecret: 'cs_2', queryStringAuth: true },
    });
    const shopify = connectInputOf({ ...woo, platform: 'shopify', accessToken: 'shpat_x' }, 3);
    expect(shopify.credentials).toEqual({ platform: 'shopify', accessToken: 'shpat_x' });
  });

  it('a verdict counts only for the address and keys it tested', () => {
    expect(testKeyOf(woo)).toBe(testKeyOf({ ...woo, name: 'Other name', currency: 'USD' }));
    expect(testKeyOf(woo)).not.toBe(testKeyOf({ ...woo, consumerSecret: 'cs_3' }));
    expect(testKeyOf(woo)).not.toBe(testKeyOf({ ...woo, queryStringAuth: false }));
  });

  it('starts in a time zone the list offers', () => {
    expect(initialConnectForm([]).timezone).toBe('UTC');
  });
});

describe('the CSV import helpers', () => {
  it('reads the header row with quotes, a byte-order mark and Windows line ends', () => {
    expect(csvHeader('\ufeffName,"Total, incl. tax","Say ""hi"""\r\n#1,2,3\r\n')).toEqual(['Name', 'Total, incl. tax', 'Say "hi"']);
    expect(csvHeader('a,b\n1,2')).toEqual(['a', 'b']);
  });

  it('guesses columns by name, each column once, and sends column → field as the contract reads it', () => {
    const columns = ['Bestellnummer', 'Datum', 'Kunde', 'E-Mail', 'Artikel', 'Menge', 'Preis', 'Gesamt', 'Status'];
    const guess = guessMapping(columns);
    expect(guess).toMatchObject({ orderNumber: 'Bestellnummer', placedAt: 'Datum', total: 'Gesamt', email: 'E-Mail', lineQuantity: 'Menge' });
    expect(new Set(Object.values(guess)).size).toBe(Object.values(guess).length);
    const mapping = { columns: columnsToFields(guess), dateFormat: 'dmy' as const };
    expect(mapping.columns['Bestellnummer']).toBe('orderNumber');
    expect(importInput.parse({ staffId: 1, format: 'generic_orders', csv: 'x', mapping }).mapping?.columns['Gesamt']).toBe('total');
  });
});

describe('an edited outbox payload', () => {
  it('must be one JSON object', () => {
    expect(parsePayload('{ "note": "Leave at the door" }')).toEqual({ ok: true, payload: { note: 'Leave at the door' } });
    expect(parsePayload('{ "note": ')).toEqual({ ok: false });
    expect(parsePayload('[1, 2]')).toEqual({ ok: false });
    expect(parsePayload('"text"')).toEqual({ ok: false });
    expect(parsePayload('null')).toEqual({ ok: false });
  });
});
