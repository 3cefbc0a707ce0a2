import { RECS_SOURCES, type RecsAdjustment, type RecsConfig, type RecsDataUsed, type RecsExperiment, type RecsMetric, type RecsSource } from '../../../../shared/contract';
import type { Formatters, MessageKey, Translate } from '../../i18n';

/** Each source's name and colour, the same in the sliders, the score bars and the legends. */
export const SOURCE_LABELS: Record<RecsSource, MessageKey> = {
  cf: 'recs.source.cf',
  rules: 'recs.source.rules',
  content: 'recs.source.content',
  popularity: 'recs.source.popularity',
  trending: 'recs.source.trending',
};

/** Short names for the chips under each score bar, where the full names would wrap. */
export const SOURCE_SHORT: Record<RecsSource, MessageKey> = {
  cf: 'recs.source.cf.short',
  rules: 'recs.source.rules.short',
  content: 'recs.source.content.short',
  popularity: 'recs.source.popularity.short',
  trending: 'recs.source.trending.short',
};

export const SOURCE_HINTS: Record<RecsSource, MessageKey> = {
  cf: 'recs.source.cf.hint',
  rules: 'recs.source.rules.hint',
  content: 'recs.source.content.hint',
  popularity: 'recs.source.popularity.hint',
  trending: 'recs.source.trending.hint',
};

export const SOURCE_COLORS: Record<RecsSource, string> = {
  cf: 'var(--mantine-color-blue-filled)',
  rules: 'var(--mantine-color-grape-filled)',
  content: 'var(--mantine-color-teal-filled)',
  popularity: 'var(--mantine-color-orange-filled)',
  trending: 'var(--mantine-color-pink-filled)',
};

export const METRIC_LABELS: Record<RecsMetric | 'coverage' | 'popularityBias', MessageKey> = {
  precision: 'recs.metric.precision',
  recall: 'recs.metric.recall',
  ndcg: 'recs.metric.ndcg',
  hitRate: 'recs.metric.hitRate',
  map: 'recs.metric.map',
  coverage: 'recs.metric.coverage',
  popularityBias: 'recs.metric.popularityBias',
};

const FIELD_LABELS: Record<'category' | 'tag' | 'brand', MessageKey> = {
  category: 'recs.field.category',
  tag: 'recs.field.tag',
  brand: 'recs.field.brand',
};
export const fieldLabel = (t: Translate, field: 'category' | 'tag' | 'brand'): string => t(FIELD_LABELS[field]);

/** What a rule did to an item, in words: "boosted ×1.5 by brand “Acme”". */
export function adjustmentSentence(t: Translate, format: Formatters, adjustment: RecsAdjustment): string {
  switch (adjustment.kind) {
    case 'boosted':
    case 'buried':
      return t(adjustment.kind === 'boosted' ? 'recs.adjust.boosted' : 'recs.adjust.buried', {
        factor: format.number(adjustment.factor),
        field: fieldLabel(t, adjustment.field).toLowerCase(),
        value: adjustment.value,
      });
    case 'pinned':
      return t('recs.adjust.pinned', { position: adjustment.position });
    case 'fallback':
      return t(adjustment.source === 'popularity' ? 'recs.adjust.fallbackPopular' : 'recs.adjust.fallbackTrending');
    case 'diversified':
      return t('recs.adjust.diversified');
  }
}

/** One kind of data a list used, as a sentence for the privacy statement. */
export function dataUsedSentence(t: Translate, format: Formatters, used: RecsDataUsed): string {
  const window = used.from && used.to ? t('recs.dataUsed.window', { from: format.date(used.from), to: format.date(used.to) }) : '';
  const count = used.count === undefined ? '' : format.number(used.count);
  switch (used.kind) {
    case 'co_purchases':
      return t(count ? 'recs.dataUsed.coPurchasesCount' : 'recs.dataUsed.coPurchases', { count, window });
    case 'catalogue':
      return t('recs.dataUsed.catalogue');
    case 'popularity':
      return t(count ? 'recs.dataUsed.popularityCount' : 'recs.dataUsed.popularity', { count, window });
    case 'trending':
      return t(count ? 'recs.dataUsed.trendingCount' : 'recs.dataUsed.trending', { count, window });
    case 'customer_history':
      return t(count ? 'recs.dataUsed.historyCount' : 'recs.dataUsed.history', { count });
    case 'no_consent':
      return t('recs.dataUsed.noConsent');
    case 'no_model':
      return t('recs.dataUsed.noModel');
  }
}

/** The split of an evaluation in a sentence, from its facts (the core's English sentence is for logs). */
export function splitSentence(t: Translate, format: Formatters, experiment: RecsExperiment): string {
  const cases = experiment.testCases === null ? '—' : format.number(experiment.testCases);
  const orders = experiment.trainOrders === null ? '—' : format.number(experiment.trainOrders);
  const window =
    experiment.dataFrom && experiment.dataTo
      ? t('recs.dataUsed.window', { from: format.date(experiment.dataFrom), to: format.date(experiment.dataTo) })
      : '';
  if (experiment.split.kind === 'time') {
    return t('recs.split.timeSentence', { cutoff: format.date(experiment.split.cutoff), orders, cases, window });
  }
  return t('recs.split.leaveLastSentence', { orders, cases, window });
}

const PHASES: Record<string, MessageKey> = {
  loading: 'recs.phase.loading',
  counting: 'recs.phase.counting',
  neighbours: 'recs.phase.neighbours',
  training: 'recs.phase.training',
  evaluating: 'recs.phase.evaluating',
  mining: 'recs.phase.mining',
};

/** A job's phase as the core names it ("counting"), in the merchant's language; an unknown one reads "Working". */
export const phaseLabel = (t: Translate, phase: string): string => t(PHASES[phase] ?? 'recs.phase.other');

/** A configuration in one line, for the experiments it was evaluated in: weights, length, diversity and rule counts. */
export function configSummary(t: Translate, format: Formatters, config: RecsConfig): string {
  const weights = RECS_SOURCES.map((source) => `${t(SOURCE_SHORT[source])} ${format.number(config.weights[source])}`).join(', ');
  return t('recs.eval.configSummary', {
    weights,
    k: config.k,
    lambda: format.number(config.diversityLambda),
    boosts: config.boosts.length,
    pins: config.pins.length,
  });
}
