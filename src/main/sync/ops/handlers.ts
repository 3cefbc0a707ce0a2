import type { HandlerContext } from '../../core/handler';
import type { ParsedInputOf } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { importHandlers } from '../import/handlers';
import { cancelSync, startSync } from '../engine/run';
import { readLog } from '../engine/runLog';
import { readStore, syncDepsFor } from '../engine/runtime';
import { discardOutbox, listOutbox, retryOutbox } from './outbox';
import { syncStatus } from './status';
import { connectStore, listStores, removeStore, testStore } from './stores';

export const syncHandlers = {
  'stores.list': (_input: ParsedInputOf<'stores.list'>, ctx: HandlerContext) => listStores(syncDepsFor(ctx)),
  'stores.connect': connectStore,
  'stores.test': testStore,
  'stores.remove': removeStore,
  'sync.run': (input: ParsedInputOf<'sync.run'>, ctx: HandlerContext) => {
    const summary = startSync(syncDepsFor(ctx), input.storeId, { trigger: 'manual', resources: input.resources });
    ctx.emit('data.changed', { areas: ['sync'] });
    return summary;
  },
  'sync.cancel': (input: ParsedInputOf<'sync.cancel'>, ctx: HandlerContext) => {
    readStore(ctx.sqlite, input.storeId);
    return { cancelled: cancelSync(syncDepsFor(ctx), input.storeId) };
  },
  'sync.status': (input: ParsedInputOf<'sync.status'>, ctx: HandlerContext) => {
    const statuses = syncStatus(syncDepsFor(ctx), input.storeId);
    if (input.storeId !== undefined && statuses.length === 0) {
      readStore(ctx.sqlite, input.storeId);
      throw new AppError('VALIDATION', 'That store is not connected to a marketplace, so it has no sync status.');
    }
    return statuses;
  },
  'sync.log': (input: ParsedInputOf<'sync.log'>, ctx: HandlerContext) => readLog(ctx.sqlite, input),
  'outbox.list': listOutbox,
  'outbox.retry': retryOutbox,
  'outbox.discard': discardOutbox,
  ...importHandlers,
};
