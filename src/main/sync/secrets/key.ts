import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openVault, type SecretVault } from './vault';

export const VAULT_FILE_NAME = 'store-secrets.vault';
export const VAULT_KEY_FILE_NAME = 'store-secrets.key';

/**
 * The vault for a profile. With `sealedKey` (hex; unsealed by the Electron
 * shell from the OS keychain, see src/main/secrets.ts) the secret store is
 * 'os'. Without one (no OS secret store, browser mode, tests) the key is a
 * random file beside the database, readable by its owner only: reported as
 * 'file' so the UI can warn that anyone who copies the folder has the keys.
 */
export function openProfileVault(dataDir: string | null, unsealedKeyHex?: string): SecretVault {
  if (unsealedKeyHex) {
    const key = Buffer.from(unsealedKeyHex, 'hex');
    return openVault(dataDir ? join(dataDir, VAULT_FILE_NAME) : null, key, 'os');
  }
  if (!dataDir) return openVault(null, randomBytes(32), 'file');
  return openVault(join(dataDir, VAULT_FILE_NAME), () => profileKeyFile(dataDir), 'file');
}

function profileKeyFile(dataDir: string): Buffer {
  const keyPath = join(dataDir, VAULT_KEY_FILE_NAME);
  if (existsSync(keyPath)) {
    const key = Buffer.from(readFileSync(keyPath, 'utf8').trim(), 'hex');
    if (key.length === 32) return key;
    throw new Error(`The key file ${keyPath} is damaged; remove it and connect your stores again.`);
  }
  const key = randomBytes(32);
  // 'wx': two cores opening one profile at once must not overwrite each other's new key.
  try {
    writeFileSync(keyPath, key.toString('hex'), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return profileKeyFile(dataDir);
    throw error;
  }
  chmodSync(keyPath, 0o600);
  return key;
}
