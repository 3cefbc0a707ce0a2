import type { DemoContext } from './context';
import { DAY, HOUR, isoAt } from './time';

/** Id slots of an order's feedback (see ids.ts): CSAT answers follow, one per ticket slot. */
const FEEDBACK_SLOT = { review: 0, nps: 1, csat: 2 } as const;

/** Star ratings lean high, with a small unhappy tail — the J-shape of real review sites. */
const STARS = [5, 5, 5, 5, 5, 5, 5, 5, 5, 4, 4, 4, 4, 3, 3, 2, 1];
const REVIEW_TEXT: Record<number, readonly [string, string][]> = {
  5: [['Love it', 'Exactly as pictured and beautifully packed.'], ['Perfect gift', 'My sister adored it. Will order again.'],
    ['Five stars', 'Lovely quality and fast shipping.'], ['非常满意', '包装精美，质量很好，发货也很快。']],
  4: [['Very nice', 'Great product, shipping took a little longer than expected.'], ['Good value', 'Does the job well.'],
    ['还不错', '香味很好闻，就是物流有点慢。']],
  3: [['It is okay', 'Smaller than I expected.'], ['Average', 'Fine, but nothing special.'], ['一般般', '尺码偏小，其他还行。']],
  2: [['Disappointed', 'The scent is much weaker than described.'], ['Not great', 'Colour looks different in person.'],
    ['有点失望', '味道太淡了，和描述不一样。']],
  1: [['Arrived broken', 'Packaging was not enough and it cracked.'], ['Would not buy again', 'Stopped working after a week.'],
    ['收到就坏了', '包装太简陋，瓶子碎了，很失望。']],
};
const NPS_COMMENTS = ['Great products and friendly service.', 'Shipping could be faster.', 'Love the loyalty points!', '客服态度很好！', null, null];

function statusFor(ctx: DemoContext, createdMs: number): string {
  if (ctx.nowMs - createdMs < 10 * DAY) return 'new';
  const roll = ctx.rng.next();
  return roll < 0.5 ? 'acknowledged' : roll < 0.7 ? 'actioned' : 'archived';
}

/**
 * Maybe a product review some days after delivery. `escalate` may open a ticket
 * for an unhappy review (1–2 stars) and return its id, which the review links to.
 */
export function maybeReview(
  ctx: DemoContext, customerId: number | null, orderId: number, productId: number, deliveredMs: number,
  escalate: (createdMs: number) => number | null,
): void {
  const { rng } = ctx;
  const createdMs = deliveredMs + rng.int(2, 25) * DAY + rng.int(0, 23) * HOUR;
  if (createdMs > ctx.nowMs) return;
  const rating = rng.pick(STARS);
  const [title, body] = rng.pick(REVIEW_TEXT[rating] as readonly [string, string][]);
  const ticketId = rating <= 2 && rng.chance(0.4) ? escalate(createdMs + rng.int(1, 12) * HOUR) : null;
  const table = ctx.tables.feedback;
  const id = ctx.ids.feedback(FEEDBACK_SLOT.review);
  table.add(id, String(9_300_000_000 + id), customerId, orderId, productId, 'review', rating,
    title, body, statusFor(ctx, createdMs), ticketId, isoAt(createdMs));
}

/** A Net Promoter Score answer (0–10) to the post-purchase survey. */
export function maybeNps(ctx: DemoContext, customerId: number, orderId: number, deliveredMs: number): void {
  const { rng } = ctx;
  const createdMs = deliveredMs + rng.int(7, 14) * DAY;
  if (createdMs > ctx.nowMs) return;
  const roll = rng.next();
  const score = roll < 0.55 ? rng.int(9, 10) : roll < 0.8 ? rng.int(7, 8) : rng.int(0, 6);
  const table = ctx.tables.feedback;
  table.add(ctx.ids.feedback(FEEDBACK_SLOT.nps), null, customerId, orderId, null, 'nps', score, null,
    rng.pick(NPS_COMMENTS), statusFor(ctx, createdMs), null, isoAt(createdMs));
}

/** The customer's satisfaction score on a solved ticket, kept with the rest of the feedback. */
export function recordCsat(
  ctx: DemoContext, customerId: number | null, orderId: number | null, ticketId: number, ticketSlot: number,
  score: number, solvedMs: number,
): void {
  const createdMs = Math.min(ctx.nowMs, solvedMs + ctx.rng.int(1, 48) * HOUR);
  const table = ctx.tables.feedback;
  table.add(ctx.ids.feedback(FEEDBACK_SLOT.csat + ticketSlot), null, customerId, orderId, null, 'csat', score, null, null,
    statusFor(ctx, createdMs), ticketId, isoAt(createdMs));
}
