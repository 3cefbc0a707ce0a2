import type { CsatReport, ParsedInputOf, SlaPolicy, SlaReport } from '../../../../shared/contract';
import type { HandlerContext } from '../../../core/handler';
import { csatReport } from '../csat/report';
import { respondToCsat } from '../csat/respond';
import { loadSlaPolicy } from './policy';
import { slaReport } from './report';
import { updateSlaPolicy } from './update';

export const slaHandlers = {
  'sla.policies.get': (_input: ParsedInputOf<'sla.policies.get'>, ctx: HandlerContext): SlaPolicy => loadSlaPolicy(ctx.sqlite),
  'sla.policies.update': (input: ParsedInputOf<'sla.policies.update'>, ctx: HandlerContext): SlaPolicy => {
    const saved = updateSlaPolicy(ctx.sqlite, input, ctx.now());
    ctx.emit('data.changed', { areas: ['service'] });
    return saved;
  },
  'sla.report': (input: ParsedInputOf<'sla.report'>, ctx: HandlerContext): SlaReport => slaReport(ctx.sqlite, input, ctx.now()),
  'csat.respond': (input: ParsedInputOf<'csat.respond'>, ctx: HandlerContext): { ticketId: number; score: number } => {
    const answer = respondToCsat(ctx.sqlite, input, ctx.now());
    ctx.emit('data.changed', { areas: ['service', 'feedback'] });
    return answer;
  },
  'csat.report': (input: ParsedInputOf<'csat.report'>, ctx: HandlerContext): CsatReport => csatReport(ctx.sqlite, input, ctx.now()),
};
