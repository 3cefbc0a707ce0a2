import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { AppError } from '../../../shared/errors';
import type { Credentials } from '../connector';

/**
 * Store credentials, one AES-256-GCM record per store id, in one file of the
 * profile's data directory (never in SQLite, never logged, never returned by
 * an operation). The store id is the record's associated data, so a record
 * copied onto another store's slot does not decrypt.
 */
export interface SecretVault {
  /** 'os': the key is sealed by the OS keychain; 'file': a key file beside the database (warned in the UI). */
  readonly secretStore: 'os' | 'file';
  has(storeId: number): boolean;
  get(storeId: number): Credentials;
  put(storeId: number, credentials: Credentials): void;
  delete(storeId: number): void;
}

interface SealedRecord {
  iv: string;
  tag: string;
  data: string;
}

interface VaultFile {
  version: 1;
  records: Record<string, SealedRecord>;
}

const KEY_BYTES = 32;

export function seal(key: Buffer, storeId: number, plaintext: string): SealedRecord {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(`store:${storeId}`));
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
}

export function unseal(key: Buffer, storeId: number, record: SealedRecord): string {
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(record.iv, 'base64'));
  decipher.setAAD(Buffer.from(`store:${storeId}`));
  decipher.setAuthTag(Buffer.from(record.tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(record.data, 'base64')), decipher.final()]).toString('utf8');
}

export function checkKey(key: Buffer): Buffer {
  if (key.length !== KEY_BYTES) throw new Error(`The vault key must be ${KEY_BYTES} bytes.`);
  return key;
}

/**
 * A vault in `filePath`, or in memory when `filePath` is null (an in-memory
 * database has no profile folder to keep secrets in).
 */
export function openVault(filePath: string | null, keySource: Buffer | (() => Buffer), secretStore: 'os' | 'file'): SecretVault {
  // A key file is only made when the first secret is kept: opening a profile writes nothing.
  let resolved: Buffer | null = typeof keySource === 'function' ? null : checkKey(keySource);
  const key = (): Buffer => (resolved ??= checkKey((keySource as () => Buffer)()));
  let memory: VaultFile = { version: 1, records: {} };
  const read = (): VaultFile => {
    if (!filePath) return memory;
    if (!existsSync(filePath)) return { version: 1, records: {} };
    return JSON.parse(readFileSync(filePath, 'utf8')) as VaultFile;
  };
  const write = (file: VaultFile): void => {
    if (!filePath) {
      memory = file;
      return;
    }
    // Written beside and renamed over, so a crash leaves the old file or the new one, never half of one.
    const temporary = `${filePath}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(file), { mode: 0o600 });
    renameSync(temporary, filePath);
  };
  return {
    secretStore,
    has: (storeId) => read().records[String(storeId)] !== undefined,
    get(storeId) {
      const record = read().records[String(storeId)];
      if (!record) throw new AppError('NOT_FOUND', 'No credentials are saved for this store; connect it again.');
      try {
        return JSON.parse(unseal(key(), storeId, record)) as Credentials;
      } catch {
        throw new AppError(
          'CONFLICT',
          "The saved credentials for this store could not be unlocked on this computer; connect the store again.",
        );
      }
    },
    put(storeId, credentials) {
      const file = read();
      file.records[String(storeId)] = seal(key(), storeId, JSON.stringify(credentials));
      write(file);
    },
    delete(storeId) {
      const file = read();
      if (!(String(storeId) in file.records)) return;
      delete file.records[String(storeId)];
      write(file);
    },
  };
}
