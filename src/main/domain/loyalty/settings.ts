import {
  DEFAULT_LOYALTY_SETTINGS,
  loyaltySettingsSchema,
  type LoyaltySettings,
} from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { Sqlite } from '../../db/connection';
import { statement } from './ledger';

/**
 * The loyalty program settings, one JSON value under the `loyalty` key of the
 * settings table. Absent: the defaults. A stored value that no longer parses
 * or validates (written by another version, or edited by hand) also reads as
 * the defaults, and says so in the log, so earning never runs on half a program.
 */
export const LOYALTY_SETTINGS_KEY = 'loyalty';

export type SettingsWarning = (message: string, detail: unknown) => void;

const warnInLog: SettingsWarning = (message, detail) => console.warn(`[backroom] ${message}`, detail);

function defaults(): LoyaltySettings {
  return structuredClone(DEFAULT_LOYALTY_SETTINGS);
}

export function readLoyaltySettings(sqlite: Sqlite, warn: SettingsWarning = warnInLog): LoyaltySettings {
  const row = statement(sqlite, 'SELECT value FROM settings WHERE key = ?').get(LOYALTY_SETTINGS_KEY) as
    | { value: string }
    | undefined;
  if (!row) return defaults();
  let stored: unknown;
  try {
    stored = JSON.parse(row.value);
  } catch (error) {
    warn('The stored loyalty settings are not valid JSON; using the defaults.', error);
    return defaults();
  }
  const parsed = loyaltySettingsSchema.safeParse(stored);
  if (!parsed.success) {
    warn('The stored loyalty settings no longer validate; using the defaults.', parsed.error.issues);
    return defaults();
  }
  return parsed.data;
}

/**
 * Validates and saves the whole program in one transaction, returning what a
 * read gives back. The contract already validated a call from the UI; this
 * checks again because domain code may call it directly, and a broken program
 * must never reach the table.
 */
export function writeLoyaltySettings(sqlite: Sqlite, settings: unknown, at: Date): LoyaltySettings {
  const parsed = loyaltySettingsSchema.safeParse(settings);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const field = first?.path.map(String).join('.') ?? '';
    throw new AppError(
      'VALIDATION',
      `The loyalty settings are not valid: ${field ? `${field} ` : ''}${first?.message ?? 'unknown problem'}.`,
      { issues: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })) },
    );
  }
  sqlite.transaction(() => {
    statement(
      sqlite,
      `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    ).run(LOYALTY_SETTINGS_KEY, JSON.stringify(parsed.data), at.toISOString());
  })();
  return readLoyaltySettings(sqlite);
}
