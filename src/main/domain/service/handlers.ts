import type { HandlerContext } from '../../core/handler';
import type { OperationName, ParsedInputOf } from '../../../shared/contract';
import { autoAssignTickets } from './assign';
import { bulkUpdateTickets } from './bulk';
import { createTicket } from './create';
import { logCustomerMessage } from './customer-message';
import { loadTicketDetail } from './detail';
import { saveKbArticle, searchKb } from './kb';
import { listTickets } from './list';
import { applyMacro } from './macros/render';
import { listMacros, saveMacro } from './macros/store';
import { mergeTickets } from './merge';
import { countQueues } from './queues';
import { replyToTicket } from './reply';
import { readServiceSettings, updateServiceSettings } from './settings';
import { listStaff, saveStaff } from './staff';
import { undoBulk } from './undo';
import { updateTicket } from './update';

/** The service desk's operations: tickets, queues, staff, macros and the knowledge base. */
function changed<T>(ctx: HandlerContext, result: T, alsoChanged: string[] = []): T {
  ctx.emit('data.changed', { areas: ['service', ...alsoChanged] });
  return result;
}

/** A ticket opened from a review or a return links that row back to it. */
const SOURCE_AREA: Record<string, string[]> = { feedback: ['feedback'], return: ['returns'] };

type In<N extends OperationName> = ParsedInputOf<N>;

export const serviceHandlers = {
  'tickets.list': (input: In<'tickets.list'>, ctx: HandlerContext) => listTickets(ctx.sqlite, input, ctx.now()),
  'tickets.get': (input: In<'tickets.get'>, ctx: HandlerContext) => loadTicketDetail(ctx.sqlite, input.id, ctx.now()),
  'tickets.create': (input: In<'tickets.create'>, ctx: HandlerContext) =>
    changed(ctx, createTicket(ctx.sqlite, input, ctx.now()), SOURCE_AREA[input.source.kind]),
  'tickets.reply': (input: In<'tickets.reply'>, ctx: HandlerContext) => changed(ctx, replyToTicket(ctx.sqlite, input, ctx.now())),
  'tickets.logCustomerMessage': (input: In<'tickets.logCustomerMessage'>, ctx: HandlerContext) =>
    changed(ctx, logCustomerMessage(ctx.sqlite, input, ctx.now())),
  'tickets.update': (input: In<'tickets.update'>, ctx: HandlerContext) => changed(ctx, updateTicket(ctx.sqlite, input, ctx.now())),
  'tickets.merge': (input: In<'tickets.merge'>, ctx: HandlerContext) => changed(ctx, mergeTickets(ctx.sqlite, input, ctx.now())),
  'tickets.bulk': (input: In<'tickets.bulk'>, ctx: HandlerContext) => changed(ctx, bulkUpdateTickets(ctx.sqlite, input, ctx.now())),
  'tickets.undo': (input: In<'tickets.undo'>, ctx: HandlerContext) => changed(ctx, undoBulk(ctx.sqlite, input, ctx.now())),
  'tickets.autoAssign': (input: In<'tickets.autoAssign'>, ctx: HandlerContext) =>
    changed(ctx, autoAssignTickets(ctx.sqlite, input, ctx.now())),
  'queues.counts': (input: In<'queues.counts'>, ctx: HandlerContext) => countQueues(ctx.sqlite, input.staffId, ctx.now()),
  'staff.list': (input: In<'staff.list'>, ctx: HandlerContext) => listStaff(ctx.sqlite, input.includeInactive),
  'staff.save': (input: In<'staff.save'>, ctx: HandlerContext) => changed(ctx, saveStaff(ctx.sqlite, input, ctx.now())),
  'service.settings.get': (_input: In<'service.settings.get'>, ctx: HandlerContext) => readServiceSettings(ctx.sqlite),
  'service.settings.update': (input: In<'service.settings.update'>, ctx: HandlerContext) =>
    changed(ctx, updateServiceSettings(ctx.sqlite, input, ctx.now())),
  'macros.list': (input: In<'macros.list'>, ctx: HandlerContext) => listMacros(ctx.sqlite, input),
  'macros.save': (input: In<'macros.save'>, ctx: HandlerContext) => changed(ctx, saveMacro(ctx.sqlite, input, ctx.now())),
  'macros.apply': (input: In<'macros.apply'>, ctx: HandlerContext) => applyMacro(ctx.sqlite, input, ctx.now()),
  'kb.search': (input: In<'kb.search'>, ctx: HandlerContext) => searchKb(ctx.sqlite, input),
  'kb.save': (input: In<'kb.save'>, ctx: HandlerContext) => changed(ctx, saveKbArticle(ctx.sqlite, input, ctx.now())),
};
