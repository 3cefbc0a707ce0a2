import type { OutboxItem, PushResult } from '../connector';

/**
 * Races between a local change and the shop (issue 5: "the marketplace owns
 * orders and fulfilments, Backroom owns its local data; a push that loses a
 * race reports it"). The engine hands a connector what it needs to tell one
 * happened; the connector reads the shop's current value right before writing
 * and answers with a RaceReport when the shop changed the same thing after the
 * local change was made. The rules, per operation and platform:
 *
 * - Shopify order.note.set: the order's updatedAt is after `changedHereAt`
 *   and its note is neither ours nor the note Backroom last sent (none: no
 *   note) → the shop's note is kept, ours is not sent (kept: 'shop').
 * - Shopify order.tags.set: tags are merged, never replaced: the shop's tags
 *   stay, ours are added, and only tags Backroom itself sent and has since
 *   removed are removed. The one loss left: the order changed after our change
 *   and a tag Backroom sent before (and still wants) is gone from the shop
 *   → someone removed it there; the shop's tags are kept (kept: 'shop').
 * - WooCommerce order.note.set: notes are appended to the order's history,
 *   nothing is overwritten, so there is no race to lose.
 * - WooCommerce order.tags.set: the tags live in Backroom's own order meta
 *   (_backroom_tags), Backroom's data; when the order changed after our change
 *   and that meta is neither ours nor what Backroom last sent, someone edited
 *   it in the shop: ours is sent over it and the race is reported (kept: 'ours').
 *
 * Either way the outbox row carries the sentence (last_error) and the run log
 * a warning. A row that lost (kept: 'shop') fails and waits for the merchant:
 * "send again" sends ours over the change it lost to, discard leaves the shop's.
 */
export interface RaceFacts {
  /** The local change's time (the outbox row's created_at), or the shop's change the merchant chose to send over. */
  changedHereAt: string;
  /** The payload Backroom last delivered for this entity and operation; null when it never did. */
  lastSent: Record<string, unknown> | null;
}

/** An outbox item with the facts a race check needs (absent: no check, e.g. a connector driven by a test). */
export type QueuedItem = OutboxItem & { race?: RaceFacts };

export interface RaceReport {
  kept: 'shop' | 'ours';
  /** The shop's change time seen (its updated_at / date_modified_gmt). */
  remoteUpdatedAt: string;
  /** For the merchant: what changed where, and what was done about it. */
  message: string;
}

export type PushOutcome = PushResult & { race?: RaceReport };

/** True when the shop's change happened after the local one. */
export function changedAfter(remoteUpdatedAt: string, facts: RaceFacts): boolean {
  const remote = Date.parse(remoteUpdatedAt);
  const here = Date.parse(facts.changedHereAt);
  return Number.isFinite(remote) && Number.isFinite(here) && remote > here;
}

/** The loser's answer: not sent, permanent until the merchant acts, with the sentence as the failure. */
export function lostToShop(remoteUpdatedAt: string, message: string): PushOutcome {
  return { ok: false, permanent: true, message, race: { kept: 'shop', remoteUpdatedAt, message } };
}

export function tagsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((tag): tag is string => typeof tag === 'string') : [];
}

/** The same tags, in any order. */
export function sameTags(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((tag) => right.has(tag));
}

/** Lists tags for a sentence: "vip, gift" or "none". */
export const tagText = (tags: readonly string[]): string => (tags.length ? tags.join(', ') : 'none');
