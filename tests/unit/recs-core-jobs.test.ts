import { describe, expect, it } from 'vitest';
import { installRecs } from '../../src/main/domain/recommend/runtime';
import { RECS_METRICS, type RecsExperiment, type RecsRulesResult, type RecsStatus } from '../../src/shared/contract/recs';
import { call, jobsSettled, ok, seededShopPerTest } from './recs-core-fixtures';

/** Offline evaluation, saved experiments, rule mining, and what a crash leaves behind. */
const shop = seededShopPerTest();

describe('recs.evaluate', () => {
  it('saves the experiment at once, then its figures beside popularity on the same split', async () => {
    const started = await ok<RecsExperiment>(shop.ctx, 'recs.evaluate', { name: 'Default settings', split: { kind: 'leave_last' }, ks: [10, 5] });
    expect(started).toMatchObject({ name: 'Default settings', status: 'running', ks: [5, 10], results: null });
    expect(await ok<RecsStatus>(shop.ctx, 'recs.status', {})).toMatchObject({ evaluating: started.id });
    expect(await call(shop.ctx, 'recs.evaluate', { split: { kind: 'leave_last' } })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    await jobsSettled(shop.ctx);
    const [experiment] = await ok<RecsExperiment[]>(shop.ctx, 'recs.experiments.list', {});
    expect(experiment).toMatchObject({ id: started.id, status: 'done', error: null, testCases: 2 });
    // Ann and Cy have two or more orders: each last one is held out; the rest trains.
    expect(experiment!.trainOrders).toBe(76);
    expect(experiment!.splitDescription).toMatch(/last order held out/);
    for (const side of ['candidate', 'popularity'] as const) {
      const figures = experiment!.results![side];
      expect(figures.map((f) => f.k)).toEqual([5, 10]);
      for (const f of figures) for (const metric of RECS_METRICS) expect(f[metric]).toBeGreaterThanOrEqual(0);
    }
    expect(shop.events).toContainEqual({ event: 'recs.finished', payload: { job: 'evaluate', id: started.id, ok: true } });
    expect(shop.events.filter((e) => e.event === 'recs.progress').length).toBeGreaterThan(0);
  });

  it('evaluates an unsaved configuration on a time split and keeps that configuration with it', async () => {
    const config = { ...(await ok<{ config: object }>(shop.ctx, 'recs.config.get', {})).config, k: 5 };
    await ok(shop.ctx, 'recs.evaluate', { split: { kind: 'time', cutoff: '2026-02-08' }, config });
    await jobsSettled(shop.ctx);
    const [experiment] = await ok<RecsExperiment[]>(shop.ctx, 'recs.experiments.list', { limit: 1 });
    expect(experiment).toMatchObject({ status: 'done', config: { k: 5 }, split: { kind: 'time', cutoff: '2026-02-08' } });
    expect(experiment!.splitDescription).toMatch(/before 2026-02-08/);
    expect(experiment!.results!.candidate).toHaveLength(3);
  });

  it('a split that leaves no one to test fails with a sentence, not empty figures', async () => {
    await ok(shop.ctx, 'recs.evaluate', { split: { kind: 'time', cutoff: '2030-01-01' } });
    await jobsSettled(shop.ctx);
    const [experiment] = await ok<RecsExperiment[]>(shop.ctx, 'recs.experiments.list', {});
    expect(experiment).toMatchObject({ status: 'failed', results: null });
    expect(experiment!.error).toMatch(/no customer to test on/);
  });

  it('refuses a cut-off that is not a date', async () => {
    const result = await call(shop.ctx, 'recs.evaluate', { split: { kind: 'time', cutoff: 'June' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(shop.connection.sqlite.prepare('SELECT count(*) FROM recs_experiments').pluck().get()).toBe(0);
  });
});

describe('recs.rules.mine', () => {
  it('finds the shop\'s rules with titles, sorted and limited as asked, with the total', async () => {
    const mined = await ok<RecsRulesResult>(shop.ctx, 'recs.rules.mine', { minSupport: 0.05, minConfidence: 0.5, sort: 'confidence', limit: 2 });
    expect(mined.baskets).toBe(78);
    expect(mined.total).toBe(5);
    expect(mined.rules).toHaveLength(2);
    expect(mined.rules[0]).toMatchObject({
      antecedent: [{ productId: 5, title: 'Teapot' }], consequent: { productId: 4, title: 'Green tea' }, confidence: 1, count: 10,
    });
    const lifted = await ok<RecsRulesResult>(shop.ctx, 'recs.rules.mine', { minSupport: 0.05, minConfidence: 0.5, minLift: 3 });
    expect(lifted.rules.map((r) => [r.antecedent[0]!.productId, r.consequent.productId]).sort()).toEqual([[4, 5], [5, 4]]);
  });
});

describe('after a crash', () => {
  it('rows left training or running become failed with a sentence when the core opens', () => {
    shop.connection.sqlite.exec(`INSERT INTO recs_models (status, started_at) VALUES ('training', '2026-02-01T00:00:00Z');
      INSERT INTO recs_experiments (name, status, split, config, ks, created_at) VALUES ('x', 'running', '{}', '{}', '[]', '2026-02-01T00:00:00Z')`);
    installRecs(shop.ctx);
    const model = shop.connection.sqlite.prepare('SELECT status, error FROM recs_models').get() as { status: string; error: string };
    const experiment = shop.connection.sqlite.prepare('SELECT status, error FROM recs_experiments').get() as { status: string; error: string };
    expect(model.status).toBe('failed');
    expect(experiment.status).toBe('failed');
    expect(model.error).toMatch(/stopped before this finished/);
  });
});
