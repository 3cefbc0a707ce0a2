import type { HandlerContext } from '../../core/handler';
import type { OutboxEntry, ParsedInputOf } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { recordAudit } from '../../domain/audit/log';
import { requireActiveStaff } from '../../domain/orders/staff';
import { pushOutbox } from '../outbox/push';
import { entryFromRow, readEntry, type OutboxRow } from '../outbox/queue';
import { connectorForStore, readStore, syncDepsFor } from '../engine/runtime';

export function listOutbox(input: ParsedInputOf<'outbox.list'>, ctx: HandlerContext): OutboxEntry[] {
  const where: string[] = [];
  const params: (number | string)[] = [];
  if (input.storeId !== undefined) {
    where.push('store_id = ?');
    params.push(input.storeId);
  }
  if (input.status) {
    where.push(`status IN (${input.status.map(() => '?').join(', ')})`);
    params.push(...input.status);
  }
  return ctx.sqlite
    .prepare<(number | string)[], OutboxRow>(
      `SELECT * FROM outbox ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`,
    )
    .all(...params, input.limit)
    .map(entryFromRow);
}

function requireEntry(ctx: HandlerContext, id: number): OutboxEntry {
  const entry = readEntry(ctx.sqlite, id);
  if (!entry) throw new AppError('NOT_FOUND', `There is no outbox change with id ${id}.`);
  return entry;
}

/** Sends a failed (or waiting) change again, optionally with an edited payload; the push starts in the background. */
export function retryOutbox(input: ParsedInputOf<'outbox.retry'>, ctx: HandlerContext): OutboxEntry {
  requireActiveStaff(ctx.sqlite, input.staffId);
  const entry = requireEntry(ctx, input.id);
  if (entry.status !== 'failed' && entry.status !== 'pending') {
    throw new AppError('CONFLICT', `This change is ${entry.status}; only a failed or waiting change can be sent again.`);
  }
  const at = ctx.now().toISOString();
  ctx.sqlite.transaction(() => {
    ctx.sqlite
      .prepare(
        `UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = NULL, last_error = NULL, last_http_status = NULL,
           payload = coalesce(?, payload) WHERE id = ?`,
      )
      .run(input.payload ? JSON.stringify(input.payload) : null, entry.id);
    recordAudit(ctx.sqlite, {
      at, staffId: input.staffId, entityType: 'store', entityId: entry.storeId, action: 'outbox.retry',
      detail: { outboxId: entry.id, edited: input.payload !== undefined },
    });
  })();
  const deps = syncDepsFor(ctx);
  try {
    const connector = connectorForStore(deps, readStore(ctx.sqlite, entry.storeId));
    void pushOutbox(deps, entry.storeId, connector).catch(() => undefined);
  } catch {
    // Not connected right now: it stays pending and goes with the next push.
  }
  ctx.emit('data.changed', { areas: ['sync'] });
  return requireEntry(ctx, entry.id);
}

/** Gives up on a change: the local change stays, the marketplace never hears of it. */
export function discardOutbox(input: ParsedInputOf<'outbox.discard'>, ctx: HandlerContext): OutboxEntry {
  requireActiveStaff(ctx.sqlite, input.staffId);
  const entry = requireEntry(ctx, input.id);
  if (entry.status !== 'failed' && entry.status !== 'pending') {
    throw new AppError('CONFLICT', `This change is ${entry.status}; only a failed or waiting change can be discarded.`);
  }
  const at = ctx.now().toISOString();
  ctx.sqlite.transaction(() => {
    ctx.sqlite.prepare(`UPDATE outbox SET status = 'discarded', completed_at = ? WHERE id = ?`).run(at, entry.id);
    recordAudit(ctx.sqlite, {
      at, staffId: input.staffId, entityType: 'store', entityId: entry.storeId, action: 'outbox.discard',
      detail: { outboxId: entry.id, operation: entry.operation },
    });
  })();
  ctx.emit('data.changed', { areas: ['sync'] });
  return requireEntry(ctx, entry.id);
}
