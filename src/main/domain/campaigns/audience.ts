import type { CampaignAudience } from '../../../shared/contract/campaigns';
import type { Sqlite } from '../../db/connection';
import { NORMALIZED_EMAIL, PHONE_DIGITS } from '../customers/duplicates';
import { ensureRfm } from '../customers/rfm';

/**
 * Who a campaign's audience is right now, set-based: the matching customers
 * (merged ones left out: their orders and points live with the survivor) are
 * collected into the temp table `campaign_audience`, which the caller reads
 * and joins (launch freezes it into campaign_members). Long uploaded lists go
 * through a temp table too, so 100k entries are one indexed join, not 100k
 * statements.
 */
export interface ResolvedAudience {
  /** Matched and consenting, ascending. */
  eligibleIds: number[];
  matched: number;
  excludedNoConsent: number;
  unmatchedEntries: string[];
  unmatchedCount: number;
}

const PHONE = /^\+?[\d\s().-]{7,}$/;

function resetTemp(sqlite: Sqlite): void {
  sqlite.exec(`CREATE TEMP TABLE IF NOT EXISTS campaign_audience (customer_id INTEGER PRIMARY KEY);
    DELETE FROM temp.campaign_audience;`);
}

/** Fills temp.campaign_audience with the matching customer ids (consent not yet applied). */
function collect(sqlite: Sqlite, audience: CampaignAudience, storeId: number | null, now: Date): string[] {
  const insert = (select: string, ...args: unknown[]) =>
    sqlite.prepare(`INSERT OR IGNORE INTO temp.campaign_audience (customer_id) ${select}`).run(...args);
  switch (audience.kind) {
    case 'segment':
      ensureRfm(sqlite, now);
      insert('SELECT customer_id FROM customer_rfm WHERE segment IN (SELECT value FROM json_each(?))', JSON.stringify(audience.segments));
      return [];
    case 'tier':
      insert('SELECT customer_id FROM customer_tiers WHERE tier_id IN (SELECT value FROM json_each(?))', JSON.stringify(audience.tierIds));
      return [];
    case 'tag': {
      // No index holds tags (as in the customers list): one pass, instr on the JSON text before json_each.
      const tags = JSON.stringify(audience.tags);
      const has = (column: string) => `EXISTS (SELECT 1 FROM json_each(c.${column}) t
        WHERE t.value IN (SELECT value FROM json_each(@tags)))`;
      sqlite.prepare(`INSERT OR IGNORE INTO temp.campaign_audience (customer_id)
        SELECT c.id FROM customers c WHERE (c.remote_tags <> '[]' AND ${has('remote_tags')}) OR (c.local_tags <> '[]' AND ${has('local_tags')})`)
        .run({ tags });
      return [];
    }
    case 'group':
      insert('SELECT customer_id FROM community_members WHERE group_id = ?', audience.groupId);
      return [];
    case 'list':
      return collectList(sqlite, audience.entries);
  }
}

/** Matches each entry by customer id, normalized email or phone digits; answers the entries that matched nobody. */
function collectList(sqlite: Sqlite, entries: readonly string[]): string[] {
  sqlite.exec(`CREATE TEMP TABLE IF NOT EXISTS campaign_list (entry TEXT NOT NULL, kind TEXT NOT NULL, key TEXT NOT NULL);
    DELETE FROM temp.campaign_list;`);
  const add = sqlite.prepare('INSERT INTO temp.campaign_list (entry, kind, key) VALUES (?, ?, ?)');
  for (const entry of entries) {
    const text = entry.trim();
    if (/^\d{1,15}$/.test(text) && !PHONE.test(text)) add.run(text, 'id', text);
    else if (text.includes('@')) add.run(text, 'email', text.toLowerCase());
    else if (PHONE.test(text)) add.run(text, 'phone', text.replace(/\D/g, ''));
    else add.run(text, 'none', '');
  }
  // An id-looking entry of 7+ digits could be a phone written without spaces: try it as both.
  sqlite.exec(`INSERT INTO temp.campaign_list (entry, kind, key)
    SELECT entry, 'id', key FROM temp.campaign_list WHERE kind = 'phone' AND entry GLOB '[0-9]*' AND entry NOT GLOB '*[^0-9]*'`);
  sqlite.exec(`CREATE TEMP TABLE IF NOT EXISTS campaign_list_hits (entry TEXT NOT NULL, customer_id INTEGER NOT NULL);
    CREATE INDEX IF NOT EXISTS temp.campaign_list_hits_entry ON campaign_list_hits (entry);
    DELETE FROM temp.campaign_list_hits;
    INSERT INTO temp.campaign_list_hits
      SELECT l.entry, c.id FROM temp.campaign_list l JOIN customers c ON c.id = CAST(l.key AS INTEGER) WHERE l.kind = 'id';
    INSERT INTO temp.campaign_list_hits
      SELECT l.entry, c.id FROM temp.campaign_list l JOIN customers c ON ${NORMALIZED_EMAIL} = l.key AND c.email IS NOT NULL AND c.merged_into_id IS NULL
       WHERE l.kind = 'email';
    INSERT INTO temp.campaign_list_hits
      SELECT l.entry, c.id FROM temp.campaign_list l JOIN customers c ON ${PHONE_DIGITS} = l.key AND c.phone IS NOT NULL AND c.merged_into_id IS NULL
       WHERE l.kind = 'phone';
    INSERT OR IGNORE INTO temp.campaign_audience (customer_id)
      SELECT h.customer_id FROM temp.campaign_list_hits h JOIN customers c ON c.id = h.customer_id WHERE c.merged_into_id IS NULL;`);
  const unmatched = sqlite.prepare(`SELECT DISTINCT entry FROM temp.campaign_list l
      WHERE NOT EXISTS (SELECT 1 FROM temp.campaign_list_hits h JOIN customers c ON c.id = h.customer_id
                         WHERE h.entry = l.entry AND c.merged_into_id IS NULL)`)
    .all() as { entry: string }[];
  return unmatched.map((u) => u.entry);
}

/**
 * Resolves the audience now. `storeId`: only that store's customers. Leaves
 * temp.campaign_audience holding the matched ids (consent or not).
 */
export function resolveAudience(sqlite: Sqlite, audience: CampaignAudience, storeId: number | null, now: Date = new Date()): ResolvedAudience {
  resetTemp(sqlite);
  const unmatched = collect(sqlite, audience, storeId, now);
  // Merged customers and other stores' customers leave the set before anything is counted.
  sqlite.prepare(`DELETE FROM temp.campaign_audience WHERE customer_id IN (
      SELECT a.customer_id FROM temp.campaign_audience a JOIN customers c ON c.id = a.customer_id
       WHERE c.merged_into_id IS NOT NULL OR (? IS NOT NULL AND c.store_id <> ?))`).run(storeId, storeId);
  const counts = sqlite.prepare(`SELECT count(*) AS matched, coalesce(sum(c.marketing_consent = 0), 0) AS excluded
      FROM temp.campaign_audience a JOIN customers c ON c.id = a.customer_id`).get() as { matched: number; excluded: number };
  const eligibleIds = (sqlite.prepare(`SELECT a.customer_id AS id FROM temp.campaign_audience a
      JOIN customers c ON c.id = a.customer_id WHERE c.marketing_consent = 1 ORDER BY a.customer_id`).raw().all() as [number][])
    .map((r) => r[0]);
  return { eligibleIds, matched: counts.matched, excludedNoConsent: counts.excluded, unmatchedEntries: unmatched.slice(0, 20),
    unmatchedCount: unmatched.length };
}
