import type { RecsModelSummary, RecsStatus } from '../../../shared/contract/recs';
import { AppError } from '../../../shared/errors';
import type { HandlerContext } from '../../core/handler';
import { readRecsConfig } from './config';
import { deserializeModel } from './engine';
import type { TrainResult } from './job';
import { JobCancelled, startJob } from './jobHost';
import { recsRuntimeFor, type RecsRuntime } from './runtime';

/**
 * recs.train and recs.status. Training answers at once with the model's row
 * ('training'); the job runs off this thread and its outcome is written to
 * that row, announced by 'recs.progress' / 'recs.finished'.
 */
interface ModelRow {
  id: number;
  status: RecsModelSummary['status'];
  started_at: string;
  finished_at: string | null;
  data_from: string | null;
  data_to: string | null;
  orders_used: number;
  products: number;
  customers: number;
  error: string | null;
}

const MODEL_COLUMNS = 'id, status, started_at, finished_at, data_from, data_to, orders_used, products, customers, error';

function toSummary(row: ModelRow): RecsModelSummary {
  return {
    id: row.id,
    status: row.status,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    dataFrom: row.data_from,
    dataTo: row.data_to,
    orders: row.orders_used,
    products: row.products,
    customers: row.customers,
    seconds: row.finished_at === null ? null : (Date.parse(row.finished_at) - Date.parse(row.started_at)) / 1000,
    error: row.error,
  };
}

export function modelSummary(ctx: Pick<HandlerContext, 'sqlite'>, id: number): RecsModelSummary {
  const row = ctx.sqlite.prepare<[number], ModelRow>(`SELECT ${MODEL_COLUMNS} FROM recs_models WHERE id = ?`).get(id);
  if (!row) throw new AppError('NOT_FOUND', `There is no trained model with id ${id}.`);
  return toSummary(row);
}

export function recsStatus(ctx: HandlerContext): RecsStatus {
  const runtime = recsRuntimeFor(ctx);
  // The job under way if any, else the latest model that finished (ready, failed or cancelled).
  const row = ctx.sqlite.prepare<[], ModelRow>(`SELECT ${MODEL_COLUMNS} FROM recs_models ORDER BY id DESC LIMIT 1`).get();
  return {
    model: row ? toSummary(row) : null,
    training: runtime.training !== null,
    evaluating: runtime.evaluation?.id ?? null,
  };
}

export function startTraining(ctx: HandlerContext, input: { halfLifeDays?: number | null | undefined }): RecsModelSummary {
  const runtime = recsRuntimeFor(ctx);
  if (runtime.closed) throw new AppError('CONFLICT', 'Backroom is closing; train the engine after it starts again.');
  if (runtime.training) {
    throw new AppError('CONFLICT', 'The engine is already training; wait for it to finish before starting again.');
  }
  const config = readRecsConfig(ctx.sqlite).config;
  const halfLifeDays = input.halfLifeDays !== undefined ? input.halfLifeDays : config.cf.halfLifeDays;
  const startedAt = ctx.now().toISOString();
  const id = Number(
    ctx.sqlite
      .prepare(`INSERT INTO recs_models (status, started_at, options) VALUES ('training', ?, ?)`)
      .run(startedAt, JSON.stringify({ halfLifeDays, trendingDays: config.trendingDays }))
      .lastInsertRowid,
  );
  const job = startJob(runtime, { kind: 'train', halfLifeDays, trendingDays: config.trendingDays }, (phase, done, total) =>
    ctx.emit('recs.progress', { job: 'train', id, phase, done, total }),
  );
  const done = job.result.then(
    (result) => finishTraining(ctx, runtime, id, result as TrainResult),
    (error: unknown) => failTraining(ctx, runtime, id, error),
  );
  runtime.training = { id, job, done };
  ctx.emit('data.changed', { areas: ['recs'] });
  return modelSummary(ctx, id);
}

function finishTraining(ctx: HandlerContext, runtime: RecsRuntime, id: number, result: TrainResult): void {
  runtime.training = null;
  if (!ctx.sqlite.open) return;
  try {
    const blob = Buffer.from(result.model.buffer, result.model.byteOffset, result.model.byteLength);
    // Read back before it is marked ready: a model that cannot be read must never become the current one.
    const model = deserializeModel(blob);
    ctx.sqlite
      .prepare(
        `UPDATE recs_models SET status = 'ready', finished_at = ?, data_from = ?, data_to = ?, orders_used = ?,
           products = ?, customers = ?, model = ? WHERE id = ?`,
      )
      .run(ctx.now().toISOString(), result.dataFrom, result.dataTo, result.orders, result.products, result.customers, blob, id);
    runtime.model = { id, model, orders: result.orders, dataFrom: result.dataFrom, dataTo: result.dataTo };
    // Products may have changed while it trained; the next preview reads them again.
    runtime.catalog = null;
    ctx.emit('recs.finished', { job: 'train', id, ok: true });
    ctx.emit('data.changed', { areas: ['recs'] });
  } catch (error) {
    failTraining(ctx, runtime, id, error);
  }
}

function failTraining(ctx: HandlerContext, runtime: RecsRuntime, id: number, error: unknown): void {
  runtime.training = null;
  if (!ctx.sqlite.open) return;
  const cancelled = error instanceof JobCancelled;
  const message = cancelled
    ? 'Training was stopped because Backroom closed; start it again.'
    : `Training failed: ${error instanceof Error ? error.message : String(error)}`;
  ctx.sqlite
    .prepare(`UPDATE recs_models SET status = ?, finished_at = ?, error = ? WHERE id = ?`)
    .run(cancelled ? 'cancelled' : 'failed', ctx.now().toISOString(), message, id);
  ctx.emit('recs.finished', { job: 'train', id, ok: false, message });
  ctx.emit('data.changed', { areas: ['recs'] });
}
