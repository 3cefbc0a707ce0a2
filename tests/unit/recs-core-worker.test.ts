import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../src/main/core';
import { openConnection } from '../../src/main/db/connection';
import type { PushMessage } from '../../src/shared/contract';
import type { RecsExperiment, RecsModelSummary, RecsProductPreview, RecsRulesResult, RecsStatus } from '../../src/shared/contract/recs';
import { tempDir } from '../helpers/db';

/**
 * The worker-thread path on a profile file (the small demo store): training
 * evaluation and rule mining run in a recs worker while the core keeps answering, and
 * closing the core stops a job under way and records it as cancelled.
 */
const temp = tempDir('backroom-recs-');
const dbPath = join(temp.dir, 'profile.sqlite');
let core: Core;
const messages: PushMessage[] = [];

async function data<T>(name: string, input: unknown): Promise<T> {
  const result = await core.invokeByName(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.data as T;
}

function finished(job: 'train' | 'evaluate', id: number): Promise<PushMessage> {
  return new Promise((resolve) => {
    const stop = core.subscribe((message) => {
      const payload = message.payload as { job?: string; id?: number };
      if (message.event === 'recs.finished' && payload.job === job && payload.id === id) {
        stop();
        resolve(message);
      }
    });
  });
}

beforeAll(async () => {
  core = await openCore({ dbPath, seedDemoIfEmpty: true });
  core.subscribe((message) => messages.push(message));
}, 120_000);
afterAll(async () => {
  await core.close();
  temp.cleanup();
});

describe('recs jobs in a worker thread', () => {
  it('trains off the core thread: other operations are answered while it runs', async () => {
    const started = await data<RecsModelSummary>('recs.train', {});
    const done = finished('train', started.id);
    // Answered while the worker is still starting and training.
    const whileTraining = await data<RecsStatus>('recs.status', {});
    expect(whileTraining.training).toBe(true);
    const config = await core.invokeByName('recs.config.get', {});
    expect(config.ok).toBe(true);
    expect(messages.some((m) => m.event === 'recs.finished')).toBe(false);

    const message = await done;
    expect(message.payload).toMatchObject({ ok: true });
    const status = await data<RecsStatus>('recs.status', {});
    expect(status).toMatchObject({ training: false, model: { id: started.id, status: 'ready' } });
    expect(status.model!.orders).toBeGreaterThan(1_500);
    expect(messages.some((m) => m.event === 'recs.progress')).toBe(true);

    const preview = await data<RecsProductPreview>('recs.preview.product', { productId: 1 });
    expect(preview.modelId).toBe(started.id);
    expect(preview.related.length).toBeGreaterThan(0);
  }, 120_000);

  it('evaluates in a worker and saves both sets of figures', async () => {
    const started = await data<RecsExperiment>('recs.evaluate', { split: { kind: 'leave_last' }, ks: [10] });
    await finished('evaluate', started.id);
    const [experiment] = await data<RecsExperiment[]>('recs.experiments.list', { limit: 1 });
    expect(experiment).toMatchObject({ id: started.id, status: 'done' });
    expect(experiment!.results!.candidate[0]!.k).toBe(10);
    expect(experiment!.results!.popularity[0]!.k).toBe(10);
    expect(experiment!.testCases).toBeGreaterThan(0);
  }, 120_000);

  it('mines the store\'s rules in a worker and answers with titles', async () => {
    const mined = await data<RecsRulesResult>('recs.rules.mine', { minSupport: 0.001, minConfidence: 0.05, limit: 5 });
    expect(mined.baskets).toBeGreaterThan(1_500);
    expect(mined.rules.length).toBeGreaterThan(0);
    expect(mined.rules.length).toBeLessThanOrEqual(5);
    expect(mined.total).toBeGreaterThanOrEqual(mined.rules.length);
    for (const rule of mined.rules) expect(rule.consequent.title).not.toMatch(/^Product \d+$/);
  }, 120_000);

  it('closing the core stops a training under way and records it as cancelled', async () => {
    const started = await data<RecsModelSummary>('recs.train', {});
    await core.close();
    const connection = openConnection(dbPath, { readonly: true });
    const row = connection.sqlite.prepare('SELECT status, error FROM recs_models WHERE id = ?').get(started.id) as { status: string; error: string };
    connection.close();
    expect(row.status).toBe('cancelled');
    expect(row.error).toMatch(/Backroom closed/);
  }, 120_000);
});
