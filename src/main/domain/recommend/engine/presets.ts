import { DEFAULT_RECS_CONFIG, type RecsConfig } from '../../../../shared/contract/recs';

/**
 * The configuration tuned on the real groceries data (groceries_members.csv),
 * shared by the engine's quality test and the `recs` bench so both quote the
 * same figures. Tuned only on windows before the held-out quarter (see
 * tests/unit/recs-engine-groceries.test.ts for the protocol and the figures):
 * members' histories barely predict their next baskets there, recent demand
 * does, so co-purchases are a light touch, trending leads next to
 * popularity, and already-bought products stay eligible (groceries are
 * bought again).
 */
export const GROCERIES_CUTOFF = '2015-10-01';

/**
 * The window the configuration was tuned on: train before 2015-07-01, test the
 * quarter up to GROCERIES_CUTOFF (the held-out quarter is left out entirely).
 */
export const GROCERIES_VALIDATION_CUTOFF = '2015-07-01';

export const GROCERIES_TUNED_CONFIG: RecsConfig = {
  ...DEFAULT_RECS_CONFIG,
  weights: { cf: 0.1, rules: 0, content: 0, popularity: 1, trending: 2 },
  cf: { shrinkage: 10, halfLifeDays: null },
  trendingDays: 60,
  filters: { ...DEFAULT_RECS_CONFIG.filters, excludePurchased: false },
  k: 10,
};
