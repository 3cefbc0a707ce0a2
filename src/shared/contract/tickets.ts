import { z } from 'zod';
import { operation } from './operation';
import type { AuditEntry } from './audit';

/**
 * The service desk: tickets, their queues and bulk actions. Every write names
 * the staff member making it (`staffId`, the "Acting as" person) and, for
 * edits, the `expectedVersion` the person saw: a stale save answers CONFLICT
 * with `details.current` (the ticket as it is now) and changes nothing.
 */
export const TICKET_CHANNELS = ['email', 'chat', 'phone', 'marketplace', 'review', 'return', 'manual'] as const;
export const TICKET_STATUSES = ['new', 'open', 'waiting_customer', 'waiting_third_party', 'solved', 'closed'] as const;
export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
/** Built-in queues; each is a filter over tickets that are not solved or closed. */
export const QUEUES = [
  'all_open', 'unassigned', 'mine', 'sla_breaching', 'waiting_customer', 'returns', 'negative_feedback',
] as const;
export const TICKET_SORT_KEYS = ['slaDue', 'updated', 'created', 'priority'] as const;

export type TicketChannel = (typeof TICKET_CHANNELS)[number];
export type TicketStatus = (typeof TICKET_STATUSES)[number];
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];
export type QueueName = (typeof QUEUES)[number];
export type TicketSortKey = (typeof TICKET_SORT_KEYS)[number];

export const staffId = z.number({ message: 'is required: choose who is making the change' }).int().positive();
const id = z.number().int().positive();
const expectedVersion = z.number().int().positive();
const idempotencyKey = z.string().min(1).max(200);
const list = <T extends z.ZodType>(item: T) => z.array(item).min(1).max(50);

export const ticketTag = z
  .string()
  .trim()
  .min(1, { message: 'a tag must not be empty' })
  .max(40, { message: 'a tag must be at most 40 characters' });

/** A file the message refers to; the file itself stays where it is on disk or in the shop. */
export const attachmentRef = z
  .object({
    name: z.string().trim().min(1).max(200),
    path: z.string().trim().min(1, { message: 'an attachment needs a path or link' }).max(1000),
    size: z.number().int().nonnegative().optional(),
    mime: z.string().max(100).optional(),
  })
  .strict();
export type AttachmentRef = z.output<typeof attachmentRef>;

export const ticketFilter = z
  .object({
    status: list(z.enum(TICKET_STATUSES)).optional(),
    priority: list(z.enum(TICKET_PRIORITIES)).optional(),
    channel: list(z.enum(TICKET_CHANNELS)).optional(),
    /** null in the list means "unassigned". */
    assigneeId: list(id.nullable()).optional(),
    tag: list(ticketTag).optional(),
    customerId: id.optional(),
    orderId: id.optional(),
    /** Subject, customer name or email, order number, or "#<ticket id>". */
    search: z.string().trim().min(1).max(100).optional(),
  })
  .strict();

export const ticketsListInput = z
  .object({
    queue: z.enum(QUEUES).default('all_open'),
    /** Whose "mine" queue; required for it. */
    staffId: id.optional(),
    filter: ticketFilter.optional(),
    sort: z.object({ by: z.enum(TICKET_SORT_KEYS), direction: z.enum(['asc', 'desc']) }).strict()
      .default({ by: 'slaDue', direction: 'asc' }),
    limit: z.number().int().min(1).max(200).default(50),
    cursor: z.string().min(1).max(500).optional(),
  })
  .strict()
  .refine((q) => q.queue !== 'mine' || q.staffId !== undefined, {
    message: 'the "mine" queue needs the acting staff member', path: ['staffId'],
  });

/** Where a ticket's SLA stands now: amber ("warning") within the policy's warning time, red once breached. */
export type SlaState = 'ok' | 'warning' | 'breached' | 'paused' | 'met' | 'missed' | 'none';

export interface TicketRow {
  id: number;
  subject: string;
  channel: TicketChannel;
  status: TicketStatus;
  priority: TicketPriority;
  customer: { id: number; name: string | null; email: string | null } | null;
  order: { id: number; orderNumber: string } | null;
  assignee: { id: number; name: string } | null;
  tags: string[];
  /** The earliest running deadline (first reply, next reply or resolution); null when none runs. */
  slaDueAt: string | null;
  slaState: SlaState;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface TicketPage {
  rows: TicketRow[];
  nextCursor: string | null;
}

export interface TicketMessage {
  id: number;
  authorType: 'customer' | 'staff' | 'system';
  staff: { id: number; name: string } | null;
  visibility: 'public' | 'internal';
  body: string;
  attachments: AttachmentRef[];
  createdAt: string;
}

export interface TicketSla {
  firstReplyDueAt: string | null;
  nextReplyDueAt: string | null;
  resolutionDueAt: string | null;
  pausedAt: string | null;
  firstReplyBreached: boolean | null;
  nextReplyBreaches: number;
  resolutionBreached: boolean | null;
}

export interface TicketDetail extends TicketRow {
  messages: TicketMessage[];
  sla: TicketSla;
  firstRepliedAt: string | null;
  solvedAt: string | null;
  mergedInto: number | null;
  /** Tickets merged into this one. */
  mergedFrom: number[];
  links: { feedbackId: number | null; returnId: number | null; shipmentId: number | null };
  csat: { code: string; message: string; requestedAt: string; score: number | null; comment: string | null } | null;
  audit: AuditEntry[];
}

const newMessage = z
  .object({
    body: z.string().trim().min(1, { message: 'a message must not be empty' }).max(20_000),
    /** 'customer' records what the customer said (the phone case); 'staff' is our reply. */
    author: z.enum(['customer', 'staff']).default('customer'),
    attachments: z.array(attachmentRef).max(20).default([]),
  })
  .strict();

/** Where a ticket comes from; subject, customer and order follow from the source. */
export const ticketSource = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('manual'),
    channel: z.enum(TICKET_CHANNELS).default('phone'),
    subject: z.string().trim().min(1, { message: 'a ticket needs a subject' }).max(200),
    customerId: id.optional(),
    orderId: id.optional(),
  }).strict(),
  z.object({ kind: z.literal('feedback'), feedbackId: id }).strict(),
  z.object({ kind: z.literal('return'), returnId: id }).strict(),
  z.object({
    kind: z.literal('shipment'),
    shipmentId: id,
    /** The staff member's own words (in their language); the core's sentence when left out. */
    subject: z.string().trim().min(1, { message: 'a ticket needs a subject' }).max(200).optional(),
  }).strict(),
]);

export const ticketsCreateInput = z
  .object({
    staffId,
    source: ticketSource,
    priority: z.enum(TICKET_PRIORITIES).optional(),
    /** Omitted: assigned by round-robin when it is on, else left unassigned. */
    assigneeId: id.nullable().optional(),
    tags: z.array(ticketTag).max(20).default([]),
    message: newMessage.optional(),
    /** One per attempt: a retry returns the ticket the first attempt made. */
    idempotencyKey,
  })
  .strict();

export const ticketsReplyInput = z
  .object({
    ticketId: id,
    staffId,
    body: z.string().trim().min(1, { message: 'a reply must not be empty' }).max(20_000),
    visibility: z.enum(['public', 'internal']).default('public'),
    attachments: z.array(attachmentRef).max(20).default([]),
    /** The macro this reply came from: its actions (status, tags) apply with the reply. */
    macroId: id.optional(),
    /** Status after the reply (e.g. solved); default: waiting on customer for public replies. */
    status: z.enum(TICKET_STATUSES).optional(),
    expectedVersion,
    idempotencyKey,
  })
  .strict();

/** What the customer said outside a synced channel (a phone call, a message in person), logged by a staff member. */
export const ticketsLogCustomerMessageInput = z
  .object({
    ticketId: id,
    staffId,
    body: z.string().trim().min(1, { message: 'write down what the customer said' }).max(20_000),
    attachments: z.array(attachmentRef).max(20).default([]),
    expectedVersion,
    idempotencyKey,
  })
  .strict();

export const ticketsUpdateInput = z
  .object({
    id,
    staffId,
    expectedVersion,
    patch: z
      .object({
        subject: z.string().trim().min(1).max(200).optional(),
        status: z.enum(TICKET_STATUSES).optional(),
        priority: z.enum(TICKET_PRIORITIES).optional(),
        assigneeId: id.nullable().optional(),
        tags: z.array(ticketTag).max(20).optional(),
        customerId: id.nullable().optional(),
        orderId: id.nullable().optional(),
      })
      .strict()
      .refine((p) => Object.keys(p).length > 0, { message: 'nothing to change' }),
  })
  .strict();

export const ticketsMergeInput = z
  .object({ sourceId: id, targetId: id, staffId, idempotencyKey })
  .strict()
  .refine((m) => m.sourceId !== m.targetId, { message: 'a ticket cannot be merged into itself', path: ['targetId'] });

export const bulkAction = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('assign'), assigneeId: id.nullable() }).strict(),
  z.object({ kind: z.literal('tag'), tag: ticketTag }).strict(),
  z.object({ kind: z.literal('close') }).strict(),
]);
export type BulkAction = z.output<typeof bulkAction>;

export const ticketsBulkInput = z
  .object({ ids: z.array(id).min(1, { message: 'choose at least one ticket' }).max(500), staffId, action: bulkAction })
  .strict();

export interface BulkResult {
  changed: number;
  /** Hands to tickets.undo within a few minutes; undo restores exactly what this action changed. */
  undoToken: string;
}

export const ticketsUndoInput = z.object({ undoToken: z.string().min(1).max(200), staffId }).strict();

export const ticketsAutoAssignInput = z
  .object({ staffId, ticketIds: z.array(id).max(500).optional() })
  .strict();

export interface AutoAssignResult {
  assigned: { ticketId: number; assigneeId: number }[];
  /** Tickets left unassigned because every agent is at capacity. */
  leftUnassigned: number;
}

export const queuesCountsInput = z.object({ staffId: id.optional() }).strict();
export type QueueCounts = Record<QueueName, number> & { asOf: string };

export interface StaffMember {
  id: number;
  name: string;
  email: string | null;
  role: 'owner' | 'manager' | 'agent';
  capacity: number;
  active: boolean;
  openTickets: number;
  version: number;
}

export const staffSaveInput = z
  .object({
    id: id.optional(),
    actingStaffId: staffId,
    expectedVersion: expectedVersion.optional(),
    name: z.string().trim().min(1, { message: 'a staff member needs a name' }).max(100),
    email: z.string().trim().email({ message: 'must be an email address' }).max(200).nullable(),
    role: z.enum(['owner', 'manager', 'agent']),
    capacity: z.number().int().min(0).max(1000),
    active: z.boolean(),
  })
  .strict();

/** How the desk hands out work: round-robin on new tickets (when no assignee is chosen) or not. */
export interface ServiceSettings {
  autoAssign: boolean;
}

export const serviceSettingsUpdateInput = z.object({ staffId, autoAssign: z.boolean() }).strict();

export const ticketsOperations = {
  'tickets.list': operation<TicketPage>()(ticketsListInput, 'One page of a queue, filtered and sorted'),
  'tickets.get': operation<TicketDetail>()(z.object({ id }).strict(), 'A ticket with its messages, SLA and audit'),
  'tickets.create': operation<TicketDetail>()(ticketsCreateInput, 'Opens a ticket by hand or from a review, return or shipment'),
  'tickets.reply': operation<TicketDetail>()(ticketsReplyInput, 'Adds a public reply or an internal note'),
  'tickets.logCustomerMessage': operation<TicketDetail>()(ticketsLogCustomerMessageInput, 'Logs what the customer said (a call), reopening a ticket that waited on them'),
  'tickets.update': operation<TicketDetail>()(ticketsUpdateInput, 'Changes status, priority, assignee, tags or links'),
  'tickets.merge': operation<TicketDetail>()(ticketsMergeInput, "Merges a ticket into another of the same customer's"),
  'tickets.bulk': operation<BulkResult>()(ticketsBulkInput, 'Assigns, tags or closes many tickets at once'),
  'tickets.undo': operation<{ restored: number }>()(ticketsUndoInput, 'Undoes a bulk action'),
  'tickets.autoAssign': operation<AutoAssignResult>()(ticketsAutoAssignInput, 'Round-robin among agents under capacity'),
  'queues.counts': operation<QueueCounts>()(queuesCountsInput, 'Live counts of every queue'),
  'staff.list': operation<StaffMember[]>()(z.object({ includeInactive: z.boolean().default(false) }).strict(), 'The team'),
  'staff.save': operation<StaffMember>()(staffSaveInput, 'Adds or edits a staff member'),
  'service.settings.get': operation<ServiceSettings>()(z.object({}).strict(), 'Whether new tickets are assigned round-robin'),
  'service.settings.update': operation<ServiceSettings>()(serviceSettingsUpdateInput, 'Turns round-robin assignment on or off'),
} as const;
