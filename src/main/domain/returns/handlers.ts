import type { Handler } from '../../core/handler';
import { AppError } from '../../../shared/errors';
import { recordAudit } from '../audit/log';
import { requireActiveStaff } from '../orders/staff';
import { createReturn } from './create';
import { getReturn } from './detail';
import { listReturns } from './list';
import { readReturnPolicy, writeReturnPolicy } from './policy';
import { returnsReport } from './report';
import { transitionReturn } from './transition';

/** Returns (RMA): the contract's operations, each a thin call into this folder. */

const updatePolicy: Handler<'returns.policy.update'> = (input, ctx) => {
  const saved = ctx.sqlite.transaction(() => {
    requireActiveStaff(ctx.sqlite, input.staffId);
    const role = ctx.sqlite.prepare<[number], { role: string }>('SELECT role FROM staff WHERE id = ?').get(input.staffId)!.role;
    if (role !== 'owner' && role !== 'manager') {
      throw new AppError('VALIDATION', 'Only an owner or a manager can change the return policy; ask one of them to make this change.');
    }
    const before = readReturnPolicy(ctx.sqlite);
    const after = writeReturnPolicy(ctx.sqlite, input.policy, input.expectedVersion, ctx.now());
    // The settings table has no integer id: the policy's audit trail uses entity id 0.
    recordAudit(ctx.sqlite, {
      at: ctx.now(), staffId: input.staffId, entityType: 'settings', entityId: 0, action: 'returns.policy.update',
      detail: { fromVersion: before.version, toVersion: after.version, policy: input.policy },
    });
    return after;
  }).immediate();
  ctx.emit('data.changed', { areas: ['returns'] });
  return saved;
};

export const returnHandlers = {
  'returns.list': (input, ctx) => listReturns(ctx.sqlite, input),
  'returns.get': (input, ctx) => getReturn(ctx.sqlite, input.id),
  'returns.create': (input, ctx) => {
    const created = createReturn(ctx.sqlite, input, ctx.now());
    ctx.emit('data.changed', { areas: ['returns', 'orders', 'customers', ...(created.ticketId !== null ? ['service'] : [])] });
    return created;
  },
  'returns.transition': (input, ctx) => transitionReturn(input, ctx),
  'returns.policy.get': (_input, ctx) => readReturnPolicy(ctx.sqlite),
  'returns.policy.update': updatePolicy,
  'returns.report': (input, ctx) => returnsReport(ctx.sqlite, input, ctx.now()),
} satisfies { [N in 'returns.list' | 'returns.get' | 'returns.create' | 'returns.transition' | 'returns.policy.get'
  | 'returns.policy.update' | 'returns.report']: Handler<N> };
