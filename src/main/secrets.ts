import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { safeStorage } from 'electron';

const SEALED_KEY_FILE = 'store-secrets.key.sealed';

/**
 * The key of the store-credentials vault, sealed by the OS secret store
 * (Keychain, DPAPI, libsecret) through Electron's safeStorage. The shell
 * unseals it and hands the raw key to the core (which never imports electron).
 * Returns undefined where the OS has no secret store: the core then keeps a
 * key file in the profile folder and reports secret_store 'file' (warned).
 * Call after app 'ready'.
 */
export function unsealVaultKey(dataDir: string): string | undefined {
  if (!safeStorage.isEncryptionAvailable()) return undefined;
  const sealedPath = join(dataDir, SEALED_KEY_FILE);
  if (existsSync(sealedPath)) {
    try {
      return safeStorage.decryptString(readFileSync(sealedPath));
    } catch {
      // The keychain entry is gone (another user, a reinstalled OS): the vault cannot be opened either way;
      // the core reports each store's credentials as unreadable and asks to connect again.
      return undefined;
    }
  }
  const key = randomBytes(32).toString('hex');
  writeFileSync(sealedPath, safeStorage.encryptString(key), { mode: 0o600 });
  return key;
}
