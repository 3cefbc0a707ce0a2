import { z } from 'zod';
import { operation } from './operation';
import { TICKET_PRIORITIES, TICKET_STATUSES, staffId, ticketTag } from './tickets';

/**
 * Macros (canned replies with {{variables}} and actions) and the knowledge
 * base. Both exist per language; staff insert either into a reply.
 */
export const LANGUAGES = ['en', 'zh-CN'] as const;
export type ContentLanguage = (typeof LANGUAGES)[number];

/** The variables a macro may use; anything else is reported as unknown before sending. */
export const MACRO_VARIABLES = [
  'customer.first_name', 'customer.last_name', 'customer.name', 'customer.email',
  'order.number', 'order.total', 'order.tracking_url', 'order.tracking_number', 'order.carrier',
  'points.balance', 'tier.name', 'ticket.id', 'staff.name',
] as const;

export const macroActions = z
  .object({
    status: z.enum(TICKET_STATUSES).optional(),
    priority: z.enum(TICKET_PRIORITIES).optional(),
    addTags: z.array(ticketTag).max(10).optional(),
  })
  .strict();
export type MacroActions = z.output<typeof macroActions>;

export interface Macro {
  id: number;
  name: string;
  language: ContentLanguage;
  body: string;
  actions: MacroActions;
  active: boolean;
  version: number;
  updatedAt: string;
}

export const macrosListInput = z
  .object({ language: z.enum(LANGUAGES).optional(), search: z.string().trim().max(100).optional(), includeInactive: z.boolean().default(false) })
  .strict();

export const macrosSaveInput = z
  .object({
    id: z.number().int().positive().optional(),
    expectedVersion: z.number().int().positive().optional(),
    staffId,
    name: z.string().trim().min(1, { message: 'a macro needs a name' }).max(80),
    language: z.enum(LANGUAGES),
    body: z.string().trim().min(1, { message: 'a macro needs some text' }).max(10_000),
    actions: macroActions.default({}),
    active: z.boolean().default(true),
  })
  .strict();

/** Renders a macro (or text typed by hand) for a ticket: what the customer would read. */
export const macrosApplyInput = z
  .object({
    ticketId: z.number().int().positive(),
    macroId: z.number().int().positive().optional(),
    body: z.string().max(20_000).optional(),
    /** Who is replying: fills {{staff.name}} (the assignee's name when omitted). */
    staffId: z.number().int().positive().optional(),
  })
  .strict()
  .refine((a) => a.macroId !== undefined || a.body !== undefined, { message: 'give a macro or a text to render' });

export interface MacroApplied {
  body: string;
  /** `{{names}}` that are not variables: shown as a warning, left as typed. */
  unknownVariables: string[];
  /** Known variables with no value for this ticket (e.g. no order): rendered empty, also warned. */
  emptyVariables: string[];
  actions: MacroActions;
}

export interface KbArticle {
  id: number;
  title: string;
  language: ContentLanguage;
  body: string;
  tags: string[];
  active: boolean;
  version: number;
  updatedAt: string;
}

export const kbSearchInput = z
  .object({
    query: z.string().trim().max(200).default(''),
    language: z.enum(LANGUAGES).optional(),
    limit: z.number().int().min(1).max(100).default(20),
    /** Switched-off articles too (for editing them); replies only offer active ones. */
    includeInactive: z.boolean().default(false),
  })
  .strict();

export const kbSaveInput = z
  .object({
    id: z.number().int().positive().optional(),
    expectedVersion: z.number().int().positive().optional(),
    staffId,
    title: z.string().trim().min(1, { message: 'an article needs a title' }).max(200),
    language: z.enum(LANGUAGES),
    body: z.string().trim().min(1, { message: 'an article needs some text' }).max(50_000),
    tags: z.array(ticketTag).max(20).default([]),
    active: z.boolean().default(true),
  })
  .strict();

export const macrosOperations = {
  'macros.list': operation<Macro[]>()(macrosListInput, 'Canned replies, by name'),
  'macros.save': operation<Macro>()(macrosSaveInput, 'Adds or edits a macro'),
  'macros.apply': operation<MacroApplied>()(macrosApplyInput, 'Renders a macro or text for a ticket, with warnings'),
  'kb.search': operation<KbArticle[]>()(kbSearchInput, 'Knowledge-base articles matching the words'),
  'kb.save': operation<KbArticle>()(kbSaveInput, 'Adds or edits an article'),
} as const;
