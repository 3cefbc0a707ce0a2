import type { ParsedInputOf } from '../../../shared/contract';
import type { RecsExperiment } from '../../../shared/contract/recs';
import { AppError } from '../../../shared/errors';
import type { HandlerContext } from '../../core/handler';
import { recordAudit } from '../audit/log';
import { requireActiveStaff } from '../orders/staff';
import { effectiveConfig } from './config';
import type { EvaluateResult } from './job';
import { JobCancelled, startJob } from './jobHost';
import { recsRuntimeFor, type RecsRuntime } from './runtime';

/**
 * recs.evaluate and recs.experiments.list: an offline evaluation is saved as
 * an experiment with its configuration, split and data window the moment it
 * starts ('running'), and gets its figures (the configuration's and
 * popularity's on the same cases) when the job finishes off this thread.
 */
interface ExperimentRow {
  id: number;
  name: string;
  status: RecsExperiment['status'];
  split: string;
  split_description: string | null;
  config: string;
  ks: string;
  data_from: string | null;
  data_to: string | null;
  train_orders: number | null;
  test_cases: number | null;
  results: string | null;
  created_at: string;
  finished_at: string | null;
  error: string | null;
}

function toExperiment(row: ExperimentRow): RecsExperiment {
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    split: JSON.parse(row.split) as RecsExperiment['split'],
    splitDescription: row.split_description,
    config: JSON.parse(row.config) as RecsExperiment['config'],
    ks: JSON.parse(row.ks) as number[],
    dataFrom: row.data_from,
    dataTo: row.data_to,
    trainOrders: row.train_orders,
    testCases: row.test_cases,
    results: row.results === null ? null : (JSON.parse(row.results) as RecsExperiment['results']),
    createdAt: row.created_at,
    finishedAt: row.finished_at,
    seconds: row.finished_at === null ? null : (Date.parse(row.finished_at) - Date.parse(row.created_at)) / 1000,
    error: row.error,
  };
}

export function getExperiment(ctx: Pick<HandlerContext, 'sqlite'>, id: number): RecsExperiment {
  const row = ctx.sqlite.prepare<[number], ExperimentRow>('SELECT * FROM recs_experiments WHERE id = ?').get(id);
  if (!row) throw new AppError('NOT_FOUND', `There is no evaluation with id ${id}.`);
  return toExperiment(row);
}

export function listExperiments(ctx: Pick<HandlerContext, 'sqlite'>, limit: number): RecsExperiment[] {
  return ctx.sqlite
    .prepare<[number], ExperimentRow>('SELECT * FROM recs_experiments ORDER BY id DESC LIMIT ?')
    .all(limit)
    .map(toExperiment);
}

type EvaluateInput = ParsedInputOf<'recs.evaluate'>;

export function startEvaluation(ctx: HandlerContext, input: EvaluateInput): RecsExperiment {
  const runtime = recsRuntimeFor(ctx);
  if (runtime.closed) throw new AppError('CONFLICT', 'Backroom is closing; run the evaluation after it starts again.');
  if (runtime.evaluation) {
    throw new AppError('CONFLICT', 'An evaluation is already running; wait for it to finish before starting another.');
  }
  if (input.staffId !== undefined) requireActiveStaff(ctx.sqlite, input.staffId);
  const config = effectiveConfig(ctx.sqlite, input.config);
  const ks = [...new Set(input.ks)].sort((a, b) => a - b);
  const now = ctx.now();
  const name = input.name || `Evaluation of ${now.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  const id = ctx.sqlite.transaction(() => {
    const created = Number(
      ctx.sqlite
        .prepare(
          `INSERT INTO recs_experiments (name, status, split, config, ks, created_at, created_by)
           VALUES (?, 'running', ?, ?, ?, ?, ?)`,
        )
        .run(name, JSON.stringify(input.split), JSON.stringify(config), JSON.stringify(ks), now.toISOString(), input.staffId ?? null)
        .lastInsertRowid,
    );
    recordAudit(ctx.sqlite, {
      at: now, staffId: input.staffId, entityType: 'settings', entityId: 0, action: 'recs.evaluate',
      detail: { experimentId: created, split: input.split, ks },
    });
    return created;
  })();
  const job = startJob(runtime, { kind: 'evaluate', config, split: input.split, ks, now: now.getTime() }, (phase, done, total) =>
    ctx.emit('recs.progress', { job: 'evaluate', id, phase, done, total }),
  );
  const done = job.result.then(
    (result) => finishEvaluation(ctx, runtime, id, result as EvaluateResult),
    (error: unknown) => failEvaluation(ctx, runtime, id, error),
  );
  runtime.evaluation = { id, job, done };
  ctx.emit('data.changed', { areas: ['recs'] });
  return getExperiment(ctx, id);
}

function finishEvaluation(ctx: HandlerContext, runtime: RecsRuntime, id: number, result: EvaluateResult): void {
  runtime.evaluation = null;
  if (!ctx.sqlite.open) return;
  if (result.testCases === 0) {
    failEvaluation(ctx, runtime, id, new Error(`${result.splitDescription} There is no customer to test on: choose another split.`));
    return;
  }
  ctx.sqlite
    .prepare(
      `UPDATE recs_experiments SET status = 'done', finished_at = ?, split_description = ?, data_from = ?, data_to = ?,
         train_orders = ?, test_cases = ?, results = ? WHERE id = ?`,
    )
    .run(ctx.now().toISOString(), result.splitDescription, result.dataFrom, result.dataTo, result.trainOrders, result.testCases,
      JSON.stringify({ candidate: result.candidate, popularity: result.popularity }), id);
  ctx.emit('recs.finished', { job: 'evaluate', id, ok: true });
  ctx.emit('data.changed', { areas: ['recs'] });
}

function failEvaluation(ctx: HandlerContext, runtime: RecsRuntime, id: number, error: unknown): void {
  runtime.evaluation = null;
  if (!ctx.sqlite.open) return;
  const cancelled = error instanceof JobCancelled;
  const message = cancelled
    ? 'The evaluation was stopped because Backroom closed; run it again.'
    : `The evaluation failed: ${error instanceof Error ? error.message : String(error)}`;
  ctx.sqlite
    .prepare('UPDATE recs_experiments SET status = ?, finished_at = ?, error = ? WHERE id = ?')
    .run(cancelled ? 'cancelled' : 'failed', ctx.now().toISOString(), message, id);
  ctx.emit('recs.finished', { job: 'evaluate', id, ok: false, message });
  ctx.emit('data.changed', { areas: ['recs'] });
}
