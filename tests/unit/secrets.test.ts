import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openProfileVault, VAULT_FILE_NAME, VAULT_KEY_FILE_NAME } from '../../src/main/sync/secrets/key';
import { openVault } from '../../src/main/sync/secrets/vault';
import { tempDir } from '../helpers/db';

const TOKEN = 'shpat_0123456789abcdef0123456789abcdef';
let cleanup: (() => void) | null = null;
afterEach(() => cleanup?.());

describe('store credentials vault', () => {
  it('round-trips credentials per store and forgets them', () => {
    const temp = tempDir();
    cleanup = temp.cleanup;
    const vault = openProfileVault(temp.dir);
    expect(vault.secretStore).toBe('file');
    expect(readdirSync(temp.dir)).toEqual([]);
    vault.put(1, { platform: 'shopify', accessToken: TOKEN });
    vault.put(2, { platform: 'woocommerce', consumerKey: 'ck_1', consumerSecret: 'cs_2' });
    const reopened = openProfileVault(temp.dir);
    expect(reopened.get(1)).toEqual({ platform: 'shopify', accessToken: TOKEN });
    expect(reopened.get(2)).toEqual({ platform: 'woocommerce', consumerKey: 'ck_1', consumerSecret: 'cs_2' });
    reopened.delete(1);
    expect(openProfileVault(temp.dir).has(1)).toBe(false);
    expect(() => openProfileVault(temp.dir).get(1)).toThrow(/No credentials are saved/);
  });

  it('keeps nothing in plain text and the key file readable by its owner only', () => {
    const temp = tempDir();
    cleanup = temp.cleanup;
    openProfileVault(temp.dir).put(1, { platform: 'shopify', accessToken: TOKEN });
    const file = readFileSync(join(temp.dir, VAULT_FILE_NAME), 'utf8');
    expect(file).not.toContain(TOKEN);
    expect(file).not.toContain('shpat_');
    expect(Buffer.from(file).includes(Buffer.from(TOKEN))).toBe(false);
    // grep over the whole profile folder finds the token nowhere
    expect(() => execFileSync('grep', ['-r', TOKEN, temp.dir])).toThrow();
    expect(statSync(join(temp.dir, VAULT_KEY_FILE_NAME)).mode & 0o777).toBe(0o600);
  });

  it('refuses to open with the wrong key, and a record moved to another store', () => {
    const temp = tempDir();
    cleanup = temp.cleanup;
    const path = join(temp.dir, 'v');
    openVault(path, Buffer.alloc(32, 1), 'os').put(1, { platform: 'shopify', accessToken: TOKEN });
    expect(() => openVault(path, Buffer.alloc(32, 2), 'os').get(1)).toThrow(/could not be unlocked/);
    const sealed = JSON.parse(readFileSync(path, 'utf8')) as { records: Record<string, unknown> };
    sealed.records['2'] = sealed.records['1'];
    writeFileSync(path, JSON.stringify(sealed));
    expect(() => openVault(path, Buffer.alloc(32, 1), 'os').get(2)).toThrow(/could not be unlocked/);
  });

  it('uses the unsealed OS key when the shell gives one, writing no key file', () => {
    const temp = tempDir();
    cleanup = temp.cleanup;
    const vault = openProfileVault(temp.dir, 'ab'.repeat(32));
    expect(vault.secretStore).toBe('os');
    vault.put(1, { platform: 'shopify', accessToken: TOKEN });
    expect(readdirSync(temp.dir)).toEqual([VAULT_FILE_NAME]);
    expect(() => openProfileVault(temp.dir).get(1)).toThrow(/could not be unlocked/);
  });
});
