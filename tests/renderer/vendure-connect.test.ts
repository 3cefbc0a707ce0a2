import { describe, expect, it } from 'vitest';
import { connectInputOf, connectIssues, initialConnectForm, testKeyOf, type ConnectForm } from '../../src/renderer/src/features/sync/connect/connectForm';
import { storesConnectInput } from '../../src/shared/contract';

describe('the connection form for Vendure', () => {
  const vendure: ConnectForm = {
    ...initialConnectForm(['UTC']), platform: 'vendure', name: 'Ridge Outfitters', shopUrl: ' https://shop.example.com ',
    apiKey: ' abc:def ', username: 'admin', password: 'secret', channelToken: '',
  };

  it('asks for the API key, or for the username and password when signing in as an administrator', () => {
    expect(connectIssues({ ...vendure, apiKey: ' ' }, false)).toEqual({ apiKey: 'sync.connect.issue.vendureApiKey' });
    expect(connectIssues({ ...vendure, vendureAuth: 'login', username: '', password: '' }, false))
      .toEqual({ username: 'sync.connect.issue.vendureUsername', password: 'sync.connect.issue.vendurePassword' });
    expect(connectIssues(vendure, true)).toEqual({});
  });

  it('sends only the chosen way of signing in, and the channel token only when given, as the contract accepts', () => {
    const byKey = connectInputOf(vendure, 3);
    expect(byKey.credentials).toEqual({ platform: 'vendure', apiKey: 'abc:def' });
    expect(storesConnectInput.parse(byKey).credentials).toEqual({ platform: 'vendure', apiKey: 'abc:def' });
    const byLogin = connectInputOf({ ...vendure, vendureAuth: 'login', channelToken: ' eu ' }, 3);
    expect(byLogin.credentials).toEqual({ platform: 'vendure', username: 'admin', password: 'secret', channelToken: 'eu' });
    expect(storesConnectInput.parse(byLogin).credentials).toEqual(byLogin.credentials);
  });

  it('a verdict counts only for the keys it tested', () => {
    expect(testKeyOf(vendure)).not.toBe(testKeyOf({ ...vendure, apiKey: 'other' }));
    expect(testKeyOf(vendure)).not.toBe(testKeyOf({ ...vendure, vendureAuth: 'login' }));
  });
});
