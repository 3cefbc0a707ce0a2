import type { DemoContext } from './context';
import { DAY, HOUR, MINUTE, isoAt } from './time';

export type TicketTopic =
  | 'where_is_my_order' | 'damaged' | 'lost' | 'return' | 'address' | 'pre_sale' | 'refund_status' | 'review';

/** Id slot of each topic within its order (see ids.ts); an order has at most one delivery problem. */
export const TICKET_SLOT: Record<TicketTopic, number> = {
  pre_sale: 0, where_is_my_order: 1, damaged: 1, lost: 1, return: 2, refund_status: 3, address: 4, review: 5,
};

interface TopicText {
  subject: (orderNumber: string) => string;
  tags: string;
  ask: string;
  answer: string;
  /** Problems the shop caused: more urgent, sometimes worth goodwill points. */
  problem: boolean;
}

const TOPICS: Record<TicketTopic, TopicText> = {
  where_is_my_order: { subject: (n) => `Where is my order ${n}?`, tags: '["shipping"]', problem: true,
    ask: 'Hi, my order still has not arrived and the tracking has not moved. Can you check?',
    answer: 'Sorry for the wait! I have asked the carrier for an update and will let you know.' },
  damaged: { subject: (n) => `Order ${n} arrived damaged`, tags: '["shipping","damaged"]', problem: true,
    ask: 'The parcel arrived crushed and one item is broken. Photos attached.',
    answer: 'I am so sorry about that. We will send a replacement right away.' },
  lost: { subject: (n) => `Parcel for ${n} lost?`, tags: '["shipping","lost"]', problem: true,
    ask: 'Tracking says the parcel cannot be located. What happens now?',
    answer: 'I have opened a claim with the carrier; we will refund or reship, your choice.' },
  return: { subject: (n) => `Return for order ${n}`, tags: '["returns"]', problem: false,
    ask: 'I would like to return part of my order. How do I do that?',
    answer: 'Of course! Your return is approved; the label is in your e-mail.' },
  address: { subject: (n) => `Change shipping address for ${n}`, tags: '["address"]', problem: false,
    ask: 'I made a typo in my address. Can you update it before it ships?',
    answer: 'Done: the address is updated on your order.' },
  pre_sale: { subject: () => 'Question about a product', tags: '["pre-sale"]', problem: false,
    ask: 'Is this available in another colour, and how long does shipping take?',
    answer: 'Thanks for asking! It comes in three colours and usually ships within two days.' },
  refund_status: { subject: (n) => `Refund for ${n}`, tags: '["refunds"]', problem: false,
    ask: 'When will I see my refund?',
    answer: 'The refund was issued today; banks take 3 to 5 business days to show it.' },
  review: { subject: (n) => `Unhappy review on order ${n}`, tags: '["review"]', problem: true,
    ask: 'Left a review: the product was not what I expected.',
    answer: 'Thank you for the honest review. Could you tell us more so we can make it right?' },
};

const CHANNELS = ['email', 'email', 'email', 'chat', 'chat', 'phone'];

/** Wall-clock minutes from a ticket's creation to the first reply, and from the reply to solving it. */
interface Pace { reply: [number, number]; solve: [number, number] }
const PACE: Record<string, Pace> = {
  urgent: { reply: [5, 90], solve: [30, 16 * 60] },
  high: { reply: [10, 6 * 60], solve: [60, 48 * 60] },
  normal: { reply: [20, 14 * 60], solve: [2 * 60, 96 * 60] },
  low: { reply: [30, 30 * 60], solve: [4 * 60, 160 * 60] },
};
/** CSAT 1..5, skewed happy like real post-ticket surveys; problems score lower. */
const CSAT = [1, 2, 3, 4, 4, 5, 5, 5, 5, 5];
const CSAT_AFTER_PROBLEM = [1, 2, 3, 3, 4, 4, 5, 5];

export interface TicketRequest {
  topic: TicketTopic;
  customerId: number | null;
  orderId: number | null;
  orderNumber: string;
  createdMs: number;
  /** The channel the order came from; marketplace orders are answered there. */
  orderChannel?: string;
}

export interface TicketOutcome {
  ticketId: number;
  slot: number;
  csatScore: number | null;
  solvedMs: number | null;
  /** An agent credited goodwill points when solving it (see loyalty.ts). */
  goodwill: { staffId: number; atMs: number } | null;
}

/**
 * Opens a service ticket with its conversation, advanced as far as `now`: recent
 * tickets are still new or open (some waiting on the customer or the carrier),
 * older ones solved or closed, some with a CSAT score.
 */
export function openTicket(ctx: DemoContext, request: TicketRequest): TicketOutcome | null {
  const { rng, nowMs } = ctx;
  const { createdMs } = request;
  if (createdMs > nowMs) return null;
  const text = TOPICS[request.topic];
  const ageMs = nowMs - createdMs;
  const priority = text.problem ? (rng.chance(0.2) ? 'urgent' : 'high') : rng.chance(0.15) ? 'low' : 'normal';
  // Agents answer urgent problems first, as a real desk does; most meet their
  // targets, a realistic few do not (the SLA backfill measures which).
  const pace = PACE[priority] as Pace;
  const repliedMs = createdMs + rng.int(pace.reply[0], pace.reply[1]) * MINUTE;
  const replied = repliedMs <= nowMs;
  let status: string;
  const roll = rng.next();
  if (!replied) status = 'new';
  else if (ageMs < 7 * DAY) status = roll < 0.35 ? 'open' : roll < 0.6 ? 'waiting_customer' : roll < 0.75 ? 'waiting_third_party' : 'solved';
  // Some older tickets are still open (a claim with the carrier, a backlog)…
  else if (ageMs < 30 * DAY) status = roll < 0.5 ? 'closed' : roll < 0.75 ? 'solved' : roll < 0.9 ? 'waiting_third_party' : 'open';
  // …and a carrier claim can drag on for months.
  else if (ageMs < 180 * DAY) status = roll < 0.78 ? 'closed' : roll < 0.99 ? 'solved' : 'waiting_third_party';
  else status = roll < 0.8 ? 'closed' : 'solved';
  const done = status === 'solved' || status === 'closed';
  const solvedMs = done ? Math.max(repliedMs, Math.min(nowMs, repliedMs + rng.int(pace.solve[0], pace.solve[1]) * MINUTE)) : null;
  const csat = done && rng.chance(0.45) ? rng.pick(text.problem ? CSAT_AFTER_PROBLEM : CSAT) : null;
  const assignee = status === 'new' && rng.chance(0.5) ? null : rng.pick(ctx.agentIds);
  const channel = request.topic === 'return' ? 'return' : request.topic === 'review' ? 'review'
    : request.orderChannel === 'marketplace' ? 'marketplace' : rng.pick(CHANNELS);

  const table = ctx.tables.tickets;
  const slot = TICKET_SLOT[request.topic];
  const ticketId = ctx.ids.ticket(slot);
  const messages = ctx.tables.ticket_messages;
  let messageSlot = 0;
  const say = (author: string, staffId: number | null, visibility: string, body: string, atMs: number): number => {
    messages.add(ctx.ids.message(slot, messageSlot++), ticketId, author, staffId, visibility, body, isoAt(atMs));
    return atMs;
  };
  let lastMs = say('customer', null, 'public', text.ask, createdMs);
  if (replied) {
    const agent = assignee ?? (ctx.agentIds[0] as number);
    lastMs = say('staff', agent, 'public', text.answer, repliedMs);
    const noteMs = repliedMs + 10 * MINUTE;
    if (rng.chance(0.2) && noteMs <= (solvedMs ?? nowMs)) {
      lastMs = say('staff', agent, 'internal', 'Checked the order history; nothing unusual.', noteMs);
    }
    const followUpMs = repliedMs + rng.int(1, 20) * HOUR;
    // A ticket waiting on someone else has the shop's reply last; an open one may owe the customer an answer.
    const followUpFits = solvedMs === null ? status === 'open' : followUpMs < solvedMs;
    if (rng.chance(0.5) && followUpMs <= nowMs && followUpFits) {
      lastMs = say('customer', null, 'public', 'Thank you, that helps.', followUpMs);
    }
    if (solvedMs !== null) lastMs = say('staff', agent, 'public', 'Glad we could help. Closing this ticket for now.', solvedMs);
  }
  const goodwill = solvedMs !== null && text.problem && request.customerId !== null && rng.chance(0.3)
    ? { staffId: assignee ?? (ctx.agentIds[0] as number), atMs: solvedMs }
    : null;
  table.add(
    ticketId, request.customerId, request.orderId, channel, text.subject(request.orderNumber),
    status, priority, assignee, text.tags, replied ? isoAt(repliedMs) : null,
    solvedMs === null ? null : isoAt(solvedMs), csat, isoAt(createdMs), isoAt(lastMs),
  );
  return { ticketId, slot, csatScore: csat, solvedMs, goodwill };
}
