import {
  slaPolicy as slaPolicySchema,
  type SlaPolicy,
  type SlaPolicyValue,
  type SlaTargets,
  type TicketChannel,
  type TicketPriority,
} from '../../../../shared/contract';
import type { Statement } from 'better-sqlite3';
import type { Sqlite } from '../../../db/connection';

/**
 * The SLA policy lives as one JSON row of the settings table
 * (`{ version, updatedAt, policy }`); absent, the defaults below apply at
 * version 0. Reads are cached per database handle and keyed by the stored
 * text, so a save (by any path) is seen at once while the hot path (every
 * ticket write, the demo backfill) skips JSON parsing and validation; the
 * same object comes back each time, so its compiled calendar is reused too.
 */
export const SLA_POLICY_KEY = 'service.slaPolicy';

const HOUR = 60;
const BUSINESS_DAY = 8 * HOUR;

const DEFAULT_TARGETS: SlaPolicyValue['targets'] = {
  urgent: { firstReplyMinutes: 1 * HOUR, nextReplyMinutes: 2 * HOUR, resolutionMinutes: 8 * HOUR },
  high: { firstReplyMinutes: 4 * HOUR, nextReplyMinutes: 8 * HOUR, resolutionMinutes: 24 * HOUR },
  normal: { firstReplyMinutes: 8 * HOUR, nextReplyMinutes: 16 * HOUR, resolutionMinutes: 3 * BUSINESS_DAY },
  // A next reply slower than the whole resolution would never bind: two business days.
  low: { firstReplyMinutes: 2 * BUSINESS_DAY, nextReplyMinutes: 2 * BUSINESS_DAY, resolutionMinutes: 5 * BUSINESS_DAY },
};

/** Mon–Fri 09:00–17:00 in the shop's zone, waiting on the customer pauses, amber an hour ahead. */
export function defaultSlaPolicy(timezone: string): SlaPolicy {
  return {
    targets: structuredClone(DEFAULT_TARGETS),
    channelTargets: {},
    calendar: {
      timezone,
      hours: [1, 2, 3, 4, 5].map((day) => ({ day, start: '09:00', end: '17:00' })),
      holidays: [],
      businessHoursOnly: true,
    },
    // Waiting on the customer or on a carrier's claim desk is time the shop cannot act in.
    pauseStatuses: ['waiting_customer', 'waiting_third_party'],
    warningMinutes: 60,
    version: 0,
    updatedAt: null,
  };
}

interface Reads {
  stored: Statement<[string], { value: string }>;
  zone: Statement<[], { timezone: string }>;
}
// Prepared once per connection: every ticket write and every queue page reads the policy.
const reads = new WeakMap<Sqlite, Reads>();

function prepared(sqlite: Sqlite): Reads {
  let found = reads.get(sqlite);
  if (!found) {
    found = {
      stored: sqlite.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?'),
      zone: sqlite.prepare<[], { timezone: string }>('SELECT timezone FROM stores ORDER BY id LIMIT 1'),
    };
    reads.set(sqlite, found);
  }
  return found;
}

const knownZones = new Map<string, boolean>();

function isKnownZone(zone: string): boolean {
  let known = knownZones.get(zone);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      known = true;
    } catch {
      known = false;
    }
    knownZones.set(zone, known);
  }
  return known;
}

/** The first store's zone (the demo store's, or the first connected shop's); UTC without one. */
export function storeTimezone(sqlite: Sqlite): string {
  const row = prepared(sqlite).zone.get();
  const zone = row?.timezone ?? 'UTC';
  return isKnownZone(zone) ? zone : 'UTC';
}

interface Cached {
  raw: string;
  policy: SlaPolicy;
}
const cache = new WeakMap<Sqlite, Cached>();

interface Stored {
  version: number;
  updatedAt: string;
  policy: unknown;
}

function parseStored(raw: string): SlaPolicy | null {
  try {
    const stored = JSON.parse(raw) as Stored;
    const parsed = slaPolicySchema.safeParse(stored.policy);
    if (!parsed.success || !Number.isSafeInteger(stored.version)) return null;
    return { ...parsed.data, version: stored.version, updatedAt: stored.updatedAt ?? null };
  } catch {
    return null;
  }
}

function storedVersion(raw: string): number {
  try {
    const version = (JSON.parse(raw) as Partial<Stored>).version;
    return Number.isSafeInteger(version) ? (version as number) : 0;
  } catch {
    return 0;
  }
}

export function loadSlaPolicy(sqlite: Sqlite): SlaPolicy {
  const row = prepared(sqlite).stored.get(SLA_POLICY_KEY);
  // Without a stored policy the defaults follow the store's zone, which may change.
  const raw = row?.value ?? `default:${storeTimezone(sqlite)}`;
  const cached = cache.get(sqlite);
  if (cached && cached.raw === raw) return cached.policy;
  let policy = row ? parseStored(row.value) : null;
  if (!policy) {
    // A stored value that no longer validates (another version, a hand edit)
    // reads as the defaults at its version, so a save still needs that version.
    const version = row ? storedVersion(row.value) : 0;
    if (row) console.warn('[backroom] The stored SLA policy no longer validates; using the defaults.');
    policy = { ...defaultSlaPolicy(storeTimezone(sqlite)), version };
  }
  cache.set(sqlite, { raw, policy });
  return policy;
}

/** Writes the policy at `version` (the caller checked the expected one) in the caller's transaction. */
export function storeSlaPolicy(sqlite: Sqlite, policy: SlaPolicyValue, version: number, at: Date): void {
  // Only the policy's own fields: a whole SlaPolicy (with version and updatedAt) would not validate on read.
  const { targets, channelTargets, calendar, pauseStatuses, warningMinutes } = policy;
  const value = JSON.stringify({
    version, updatedAt: at.toISOString(), policy: { targets, channelTargets, calendar, pauseStatuses, warningMinutes },
  });
  sqlite
    .prepare(
      `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    )
    .run(SLA_POLICY_KEY, value, at.toISOString());
  cache.delete(sqlite);
}

/** The targets for a ticket: its channel's own table when the policy has one, else the general one. */
export function targetsFor(policy: SlaPolicyValue, priority: TicketPriority, channel: TicketChannel): SlaTargets {
  return (policy.channelTargets[channel] ?? policy.targets)[priority];
}
