import type { DemoContext } from './context';
import { DAY, isoAt } from './time';

export const LEDGER_ENTRY_TYPES = ['earn', 'bonus', 'redeem', 'expire', 'adjust', 'reverse'];
export const LEDGER_REASONS = ['Welcome bonus', 'Redeemed at checkout', 'Order refunded', 'Sorry for the trouble'];

/** Points lots expire two years after they are earned; none expire inside the demo window. */
const LOT_LIFETIME_MS = 730 * DAY;
/** 100 points are worth one currency unit (100 minor units) at checkout. */
const MINOR_PER_POINT = 1;

/**
 * Posts points-ledger entries and tracks a spendable balance per customer.
 *
 * The tracked balance is a lower bound of the ledger's running balance at every
 * moment: a reversal is subtracted when its order is generated (before it posts),
 * and goodwill posted later is never added. So a redemption the tracked balance
 * allows can never drive the ledger below zero.
 */
export class LoyaltyLedger {
  private balances = new Int32Array(1024);

  constructor(
    private readonly ctx: DemoContext,
    private readonly customerBase: number,
  ) {}

  private slot(customerId: number): number {
    const at = customerId - this.customerBase;
    if (at >= this.balances.length) {
      const grown = new Int32Array(Math.max(at + 1, this.balances.length * 2));
      grown.set(this.balances);
      this.balances = grown;
    }
    return at;
  }

  private post(
    customerId: number, type: string, points: number, orderId: number | null, key: string,
    atMs: number, reason: string | null, staffId: number | null,
  ): void {
    const at = isoAt(atMs);
    const expires = points > 0 ? isoAt(atMs + LOT_LIFETIME_MS) : null;
    const table = this.ctx.tables.points_ledger;
    table.add(table.nextId(), customerId, type, points, orderId, key, at, expires, reason, staffId, at);
  }

  /** A sign-up bonus, posted when the customer account is created. */
  welcome(customerId: number, atMs: number): void {
    this.post(customerId, 'bonus', 100, null, `customer:${customerId}:welcome`, atMs, 'Welcome bonus', null);
    this.balances[this.slot(customerId)]! += 100;
  }

  /** Maybe spends points at checkout; returns the discount in minor units. */
  redeemAtCheckout(customerId: number, orderId: number, atMs: number, subtotalMinor: number): number {
    const slot = this.slot(customerId);
    const balance = this.balances[slot] as number;
    if (balance < 300 || !this.ctx.rng.chance(0.35)) return 0;
    const points = Math.min(Math.floor(balance / 100) * 100, 1500, Math.floor(subtotalMinor / 2 / 100) * 100);
    if (points <= 0) return 0;
    this.post(customerId, 'redeem', -points, orderId, `order:${orderId}:redeem`, atMs, 'Redeemed at checkout', null);
    this.balances[slot] = balance - points;
    return points * MINOR_PER_POINT;
  }

  /** One point per whole currency unit of merchandise paid for. Returns points earned. */
  earn(customerId: number, orderId: number, atMs: number, merchandiseMinor: number): number {
    const points = Math.floor(merchandiseMinor / 100);
    if (points <= 0) return 0;
    this.post(customerId, 'earn', points, orderId, `order:${orderId}:earn`, atMs, null, null);
    this.balances[this.slot(customerId)]! += points;
    return points;
  }

  /** A refund takes back the points its order earned, in proportion to the amount refunded. */
  reverse(customerId: number, orderId: number, earned: number, share: number, atMs: number): void {
    const points = Math.min(earned, Math.round(earned * share));
    if (points <= 0) return;
    this.post(customerId, 'reverse', -points, orderId, `order:${orderId}:reverse`, atMs, 'Order refunded', null);
    this.balances[this.slot(customerId)]! -= points;
  }

  /** A goodwill gesture from an agent on a ticket; not spendable in the tracked balance (see above). */
  goodwill(customerId: number, ticketId: number, staffId: number, atMs: number): void {
    this.post(customerId, 'adjust', 200, null, `ticket:${ticketId}:goodwill`, atMs, 'Sorry for the trouble', staffId);
  }
}
