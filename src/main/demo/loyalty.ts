import type { BulkInserter } from './bulk-insert';
import type { IdBases } from './ids';
import type { StorePlan } from './plan';
import { DAY, isoAt } from './time';

export const LEDGER_ENTRY_TYPES = ['earn', 'bonus', 'redeem', 'expire', 'adjust', 'reverse'];
export const LEDGER_REASONS = ['Welcome bonus', 'Redeemed at checkout', 'Order refunded', 'Sorry for the trouble'];

/** Points lots expire two years after they are earned; none expire inside the demo window. */
const LOT_LIFETIME_MS = 730 * DAY;

/**
 * How far before an order's time its events can lie: a welcome bonus dates from
 * the account's creation, up to 61 days before the first order (customers.ts).
 * Events are held until the orders pass them by this much, so the ledger's ids
 * follow time, as they do when the app posts: a history read newest-first by id
 * is also newest-first by date.
 */
const LOOKBEHIND_MS = 62 * DAY;

interface LedgerEvent {
  atMs: number;
  /** Discovery order: breaks ties between events at the same moment. */
  seq: number;
  row: [customerId: number, type: string, points: number, orderId: number | null, key: string,
    reason: string | null, staffId: number | null];
}

const earlier = (a: LedgerEvent, b: LedgerEvent) => a.atMs < b.atMs || (a.atMs === b.atMs && a.seq < b.seq);

/** A binary min-heap of events by (time, discovery order). */
class EventQueue {
  private readonly items: LedgerEvent[] = [];

  peek(): LedgerEvent | undefined {
    return this.items[0];
  }

  push(event: LedgerEvent): void {
    const { items } = this;
    items.push(event);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!earlier(items[i]!, items[parent]!)) break;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }

  pop(): LedgerEvent | undefined {
    const { items } = this;
    const top = items[0];
    const last = items.pop();
    if (items.length === 0 || last === undefined) return top;
    items[0] = last;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let least = i;
      if (left < items.length && earlier(items[left]!, items[least]!)) least = left;
      if (right < items.length && earlier(items[right]!, items[least]!)) least = right;
      if (least === i) return top;
      [items[i], items[least]] = [items[least]!, items[i]!];
      i = least;
    }
  }
}

/**
 * What the orders of one chunk mean for loyalty, indexed by order index - lo.
 * Written while the orders are made (possibly in a worker), posted to the
 * ledger afterwards in order, because a balance depends on every earlier order.
 */
export interface LoyaltyFacts {
  lo: number;
  /** Points the order earns (0: none, e.g. guest, unpaid, cancelled). */
  earn: Int32Array;
  /** Points the customer asked to spend; the order's discount already includes them. */
  redeemWish: Int32Array;
  /** Points a refund takes back, and when. */
  reverse: Int32Array;
  reverseAt: Float64Array;
  /** A goodwill adjustment by an agent (time 0: none). */
  goodwillAt: Float64Array;
  goodwillStaff: Int32Array;
  /** Welcome bonus times of the customers created with the order: [buyer, newsletter signup]. */
  welcomeAt: Float64Array;
}

export function newLoyaltyFacts(lo: number, hi: number): LoyaltyFacts {
  const n = hi - lo;
  return {
    lo, earn: new Int32Array(n), redeemWish: new Int32Array(n), reverse: new Int32Array(n),
    reverseAt: new Float64Array(n), goodwillAt: new Float64Array(n), goodwillStaff: new Int32Array(n),
    welcomeAt: new Float64Array(n * 2),
  };
}

/** The facts' buffers, to transfer (not copy) from a worker. */
export function loyaltyFactBuffers(facts: LoyaltyFacts): ArrayBuffer[] {
  return [facts.earn, facts.redeemWish, facts.reverse, facts.reverseAt, facts.goodwillAt, facts.goodwillStaff,
    facts.welcomeAt].map((a) => a.buffer as ArrayBuffer);
}

/**
 * Posts the append-only points ledger, chunk after chunk in order, and tracks a
 * spendable balance per customer. A redemption posts only when that balance
 * covers it (otherwise the order's discount was a plain promotion).
 *
 * The tracked balance is a lower bound of the ledger's running balance at every
 * moment: a reversal is subtracted when its order is posted (before the reversal
 * happens), and goodwill is never added. So no redemption can take the ledger
 * below zero, at any point in time.
 */
export class LoyaltyLedger {
  private readonly balances: Int32Array;
  /** Entries dated at their order's time arrive in time order: a plain FIFO. */
  private readonly inOrder: LedgerEvent[] = [];
  private inOrderHead = 0;
  /** Entries dated before or after their order (welcome bonuses, refunds, goodwill): a heap. */
  private readonly queue = new EventQueue();
  private seq = 0;
  private nextId: number;
  count = 0;

  constructor(
    private readonly table: BulkInserter,
    private readonly plan: StorePlan,
    private readonly bases: IdBases,
    idBase: number,
  ) {
    this.balances = new Int32Array(plan.customerCount + 1);
    this.nextId = idBase + 1;
  }

  /** Queues an entry; it is written once the orders have passed its time (see LOOKBEHIND_MS). */
  private post(customerId: number, type: string, points: number, orderId: number | null, key: string,
    atMs: number, reason: string | null, staffId: number | null, atOrderTime = false): void {
    const event: LedgerEvent = { atMs, seq: this.seq++, row: [customerId, type, points, orderId, key, reason, staffId] };
    if (atOrderTime) this.inOrder.push(event);
    else this.queue.push(event);
  }

  /** The earliest queued entry dated up to `untilMs`, taken off its queue. */
  private takeUntil(untilMs: number): LedgerEvent | undefined {
    const fifo = this.inOrder[this.inOrderHead];
    const heap = this.queue.peek();
    const first = fifo && (!heap || earlier(fifo, heap)) ? fifo : heap;
    if (!first || first.atMs > untilMs) return undefined;
    if (first === fifo) {
      this.inOrderHead++;
      // Drop the consumed head now and then, not on every take.
      if (this.inOrderHead > 65_536) {
        this.inOrder.splice(0, this.inOrderHead);
        this.inOrderHead = 0;
      }
      return fifo;
    }
    return this.queue.pop();
  }

  /** Writes the queued entries dated up to `untilMs`, oldest first. */
  private release(untilMs: number): void {
    for (let next = this.takeUntil(untilMs); next; next = this.takeUntil(untilMs)) {
      const { atMs, row: [customerId, type, points, orderId, key, reason, staffId] } = next;
      const at = isoAt(atMs);
      this.table.add(this.nextId++, customerId, type, points, orderId, key, at,
        points > 0 ? isoAt(atMs + LOT_LIFETIME_MS) : null, reason, staffId, at);
      this.count++;
    }
  }

  /** Writes every queued entry and what the table still buffers. */
  flush(): void {
    this.release(Number.POSITIVE_INFINITY);
    this.table.flush();
  }

  postChunk(facts: LoyaltyFacts): void {
    const { plan, balances } = this;
    for (let k = 0; k < facts.earn.length; k++) {
      const i = facts.lo + k;
      const customerId = plan.buyers[i] as number;
      const orderId = this.bases.orders + i + 1;
      const placedMs = plan.times[i] as number;
      this.release(placedMs - LOOKBEHIND_MS);
      for (let w = 0; w < 2; w++) {
        const welcomeMs = facts.welcomeAt[k * 2 + w] as number;
        if (welcomeMs === 0) continue;
        const welcomed = customerId + w; // the newsletter signup takes the id after the buyer's
        this.post(welcomed, 'bonus', 100, null, `customer:${welcomed}:welcome`, welcomeMs, 'Welcome bonus', null);
        balances[welcomed - plan.customerBase] = (balances[welcomed - plan.customerBase] as number) + 100;
      }
      if (customerId === 0) continue;
      const slot = customerId - plan.customerBase;
      const wish = facts.redeemWish[k] as number;
      if (wish > 0 && (balances[slot] as number) >= wish) {
        this.post(customerId, 'redeem', -wish, orderId, `order:${orderId}:redeem`, placedMs, 'Redeemed at checkout', null,
          true);
        balances[slot] = (balances[slot] as number) - wish;
      }
      const earned = facts.earn[k] as number;
      if (earned > 0) {
        this.post(customerId, 'earn', earned, orderId, `order:${orderId}:earn`, placedMs, null, null, true);
        balances[slot] = (balances[slot] as number) + earned;
      }
      const reversed = facts.reverse[k] as number;
      if (reversed > 0) {
        this.post(customerId, 'reverse', -reversed, orderId, `order:${orderId}:reverse`, facts.reverseAt[k] as number,
          'Order refunded', null);
        balances[slot] = (balances[slot] as number) - reversed;
      }
      const goodwillMs = facts.goodwillAt[k] as number;
      if (goodwillMs > 0) {
        this.post(customerId, 'adjust', 200, orderId, `order:${orderId}:goodwill`, goodwillMs, 'Sorry for the trouble',
          facts.goodwillStaff[k] as number);
      }
    }
  }
}
