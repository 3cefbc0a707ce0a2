import { z } from 'zod';
import { operation } from './operation';

/**
 * Recommendation tuning: the engine's settings (weights of each source and
 * the merchant's rules), training, previews with each score broken down by
 * source, offline evaluation on held-out orders, association rules, and
 * publishing product-to-product lists to the store. Only product lists ever
 * leave the machine; customer lists are computed here and shown here.
 */
export const RECS_SOURCES = ['cf', 'rules', 'content', 'popularity', 'trending'] as const;
export type RecsSource = (typeof RECS_SOURCES)[number];

const id = z.number().int().positive();
const weight = z.number().min(0, { message: 'a weight cannot be negative' }).max(10, { message: 'a weight is at most 10' });
const text = z.string().trim().min(1).max(200);

export const recsWeights = z
  .object({
    /** Item-to-item collaborative filtering from co-purchases. */
    cf: weight,
    /** Association rules ("frequently bought together"). */
    rules: weight,
    /** Content similarity: category, brand, tags and price band. */
    content: weight,
    /** All-time popularity (the baseline and fallback). */
    popularity: weight,
    /** Recent popularity (the trending window). */
    trending: weight,
  })
  .strict()
  .refine((w) => RECS_SOURCES.some((source) => w[source] > 0), {
    message: 'At least one weight must be above zero, or nothing could be recommended.',
  });

export const recsBoost = z
  .object({
    field: z.enum(['category', 'tag', 'brand']),
    value: text,
    /** Above 1 boosts, below 1 buries (0.5 halves the score). */
    factor: z.number().min(0.05, { message: 'a bury factor is at least 0.05' }).max(10, { message: 'a boost factor is at most 10' }),
  })
  .strict();

export const recsPin = z
  .object({
    anchorProductId: id,
    productId: id,
    /** 1 = first in the list. */
    position: z.number().int().min(1).max(50),
  })
  .strict()
  .refine((p) => p.anchorProductId !== p.productId, { message: 'A product cannot be pinned to its own list.' });

export const recsPriceWindow = z
  .object({
    /** Relative to the anchor product's price, in percent: −20 means 20% cheaper. */
    minPct: z.number().min(-100).max(1000),
    maxPct: z.number().min(-100).max(1000),
  })
  .strict()
  .refine((w) => w.minPct <= w.maxPct, {
    message: 'The price window is upside down: its lowest price must not be above its highest.',
  });

export const recsConfig = z
  .object({
    weights: recsWeights,
    /** Collaborative filtering: shrinkage (pairs seen few times count less) and optional time decay. */
    cf: z
      .object({
        shrinkage: z.number().min(0).max(1000),
        /** Half-life of a purchase's weight in days; null = no decay. */
        halfLifeDays: z.number().int().min(1).max(3650).nullable(),
      })
      .strict(),
    /** Association rules used as a source: their minimum support and confidence. */
    rules: z
      .object({
        minSupport: z.number().gt(0, { message: 'the minimum support must be above zero' }).max(1),
        minConfidence: z.number().min(0).max(1),
      })
      .strict(),
    /** The trending window in days. */
    trendingDays: z.number().int().min(1).max(365),
    filters: z
      .object({
        inStockOnly: z.boolean(),
        excludeProductIds: z.array(id).max(1000),
        excludeCategories: z.array(text).max(200),
        /** Leave out what the customer already bought, except in these categories (consumables). */
        excludePurchased: z.boolean(),
        repeatableCategories: z.array(text).max(200),
        priceWindow: recsPriceWindow.nullable(),
        maxPerBrand: z.number().int().min(1).max(50).nullable(),
      })
      .strict(),
    boosts: z.array(recsBoost).max(100),
    pins: z.array(recsPin).max(500),
    /** Diversity by maximal marginal relevance: 1 = relevance only, 0 = diversity only. */
    diversityLambda: z.number().min(0).max(1),
    /** How many products a list holds. */
    k: z.number().int().min(1, { message: 'a list holds at least 1 product' }).max(50, { message: 'a list holds at most 50 products' }),
  })
  .strict();

export type RecsConfig = z.output<typeof recsConfig>;
export type RecsWeights = z.output<typeof recsWeights>;

export const DEFAULT_RECS_CONFIG: RecsConfig = {
  weights: { cf: 1, rules: 0.5, content: 0.3, popularity: 0.1, trending: 0.1 },
  cf: { shrinkage: 10, halfLifeDays: null },
  rules: { minSupport: 0.001, minConfidence: 0.1 },
  trendingDays: 30,
  filters: {
    inStockOnly: true, excludeProductIds: [], excludeCategories: [], excludePurchased: true, repeatableCategories: [],
    priceWindow: null, maxPerBrand: null,
  },
  boosts: [],
  pins: [],
  diversityLambda: 1,
  k: 10,
};

export interface RecsConfigState {
  config: RecsConfig;
  /** Bumped by each save; an update names the version it started from. */
  version: number;
  updatedAt: string | null;
  defaults: RecsConfig;
}

export const recsConfigUpdateInput = z
  .object({ config: recsConfig, expectedVersion: z.number().int().min(0), staffId: id.optional() })
  .strict();

/** The latest trained model and any job running. */
export interface RecsModelSummary {
  id: number;
  status: 'training' | 'ready' | 'failed' | 'cancelled';
  startedAt: string;
  finishedAt: string | null;
  /** The orders the model learned from. */
  dataFrom: string | null;
  dataTo: string | null;
  orders: number;
  products: number;
  customers: number;
  seconds: number | null;
  error: string | null;
}

export interface RecsStatus {
  model: RecsModelSummary | null;
  training: boolean;
  evaluating: number | null;
}

export const recsTrainInput = z.object({ halfLifeDays: z.number().int().min(1).max(3650).nullable().optional() }).strict();

/** One recommended product, with its score and where the score came from. */
export interface RecsItem {
  productId: number;
  title: string;
  category: string | null;
  brand: string | null;
  priceMinor: number;
  currency: string;
  inStock: boolean;
  score: number;
  /** Each source's weighted contribution to the score (before boosts). */
  sources: Record<RecsSource, number>;
  /** What the rules did to it (the UI says each in the merchant's language). */
  adjustments: RecsAdjustment[];
}

export type RecsAdjustment =
  | { kind: 'boosted' | 'buried'; field: 'category' | 'tag' | 'brand'; value: string; factor: number }
  | { kind: 'pinned'; position: number }
  /** Not enough co-purchase evidence: filled from popularity or trending. */
  | { kind: 'fallback'; source: 'popularity' | 'trending' }
  /** Moved down by the diversity rule (MMR). */
  | { kind: 'diversified' };

export const recsPreviewProductInput = z
  .object({
    productId: id,
    /** An unsaved configuration to preview; the saved one when left out. */
    config: recsConfig.optional(),
  })
  .strict();

export interface RecsProductPreview {
  anchor: RecsItem;
  related: RecsItem[];
  boughtTogether: RecsItem[];
  /** Which data the lists used (the UI says each in a sentence). */
  dataUsed: RecsDataUsed[];
  modelId: number | null;
}

/** One kind of data a list drew on: the privacy statement beside every preview. */
export interface RecsDataUsed {
  kind:
    | 'co_purchases' // anonymous co-purchase counts across all orders
    | 'catalogue' // categories, brands, tags and prices
    | 'popularity'
    | 'trending'
    | 'customer_history' // this customer's own orders (only with personalization consent)
    | 'no_consent' // the customer has not consented: nothing personal was read
    | 'no_model'; // nothing trained yet: only what needs no training
  /** Orders or baskets behind it, when that is a count. */
  count?: number;
  from?: string | null;
  to?: string | null;
}

export const recsPreviewCustomerInput = z.object({ customerId: id, config: recsConfig.optional() }).strict();

export interface RecsCustomerPreview {
  customer: { id: number; name: string; personalizationConsent: boolean; orders: number };
  /** false when the customer has not consented (or has no history): the list is not personal. */
  personalized: boolean;
  items: RecsItem[];
  /** What the customer bought, most recent first (the history the list drew on). */
  history: { productId: number; title: string; lastBoughtAt: string; times: number }[];
  dataUsed: RecsDataUsed[];
  modelId: number | null;
}

export const recsSplit = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('time'),
    /** Train on orders before this day, test on baskets from it on. */
    cutoff: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'the cut-off must be a date such as 2025-06-01' }),
  }).strict(),
  z.object({ kind: z.literal('leave_last') }).strict(),
]);

export const recsEvaluateInput = z
  .object({
    name: z.string().trim().max(100).optional(),
    split: recsSplit,
    /** The configuration to evaluate; the saved one when left out. */
    config: recsConfig.optional(),
    ks: z
      .array(z.number().int().min(1, { message: 'k must be at least 1' }).max(50, { message: 'k must be at most 50' }))
      .min(1)
      .max(10)
      .default([5, 10, 20]),
    staffId: id.optional(),
  })
  .strict();

export const RECS_METRICS = ['precision', 'recall', 'ndcg', 'hitRate', 'map'] as const;
export type RecsMetric = (typeof RECS_METRICS)[number];

export interface RecsMetricsAtK {
  k: number;
  precision: number;
  recall: number;
  ndcg: number;
  hitRate: number;
  map: number;
  /** Share of the catalogue recommended to at least one test case. */
  coverage: number;
  /** Mean popularity percentile of the recommended items (1 = only the most popular). */
  popularityBias: number;
}

export interface RecsExperiment {
  id: number;
  name: string;
  status: 'running' | 'done' | 'failed' | 'cancelled';
  split: z.output<typeof recsSplit>;
  /** The split in an English sentence (logs, CSV); the UI says it from the facts below in the merchant's language. */
  splitDescription: string | null;
  config: RecsConfig;
  ks: number[];
  dataFrom: string | null;
  dataTo: string | null;
  trainOrders: number | null;
  testCases: number | null;
  /** The configuration's figures, and popularity's on the same split (always shown as the baseline). */
  results: { candidate: RecsMetricsAtK[]; popularity: RecsMetricsAtK[] } | null;
  createdAt: string;
  finishedAt: string | null;
  seconds: number | null;
  error: string | null;
}

export const recsExperimentsListInput = z.object({ limit: z.number().int().min(1).max(100).default(20) }).strict();

export const recsRulesMineInput = z
  .object({
    minSupport: z.number().gt(0, { message: 'the minimum support must be above zero' }).max(1),
    minConfidence: z.number().min(0).max(1),
    minLift: z.number().min(0).max(1000).default(0),
    sort: z.enum(['lift', 'confidence', 'support']).default('lift'),
    limit: z.number().int().min(1).max(1000).default(100),
  })
  .strict();

export interface RecsRule {
  antecedent: { productId: number; title: string }[];
  consequent: { productId: number; title: string };
  support: number;
  confidence: number;
  lift: number;
  count: number;
}

export interface RecsRulesResult {
  baskets: number;
  /** All rules meeting the thresholds (the list holds the first `limit`). */
  total: number;
  rules: RecsRule[];
  seconds: number;
}

export const recsPublishPlanInput = z.object({ storeId: id }).strict();

/** One product's list as it is on the store (last published) and as it would be. */
export interface RecsPublishChange {
  productId: number;
  title: string;
  kind: 'related' | 'complementary';
  before: { productId: number; title: string }[];
  after: { productId: number; title: string }[];
}

export interface RecsPublishPlan {
  storeId: number;
  storeName: string;
  platform: string;
  /** Where the lists go: WooCommerce upsell_ids / cross_sell_ids, Shopify's discovery metafields. */
  target: string;
  products: number;
  changed: number;
  unchanged: number;
  /** Products without a remote id (made here, never synced) cannot be published. */
  skipped: number;
  changes: RecsPublishChange[];
  modelId: number | null;
}

export const recsPublishInput = z.object({ storeId: id, staffId: id.optional() }).strict();

export interface RecsPublishResult {
  publicationId: number;
  queued: number;
  unchanged: number;
  skipped: number;
}

export const recsExportInput = z.object({ kind: z.enum(['related', 'complementary', 'both']).default('both') }).strict();

export interface RecsExport {
  filename: string;
  csv: string;
  rows: number;
}

export const recsOperations = {
  'recs.config.get': operation<RecsConfigState>()(z.object({}).strict(), 'The recommendation settings'),
  'recs.config.update': operation<RecsConfigState>()(recsConfigUpdateInput, 'Saves the recommendation settings'),
  'recs.status': operation<RecsStatus>()(z.object({}).strict(), 'The latest model and running jobs'),
  'recs.train': operation<RecsModelSummary>()(recsTrainInput, 'Trains the engine from the local orders (off the UI thread)'),
  'recs.preview.product': operation<RecsProductPreview>()(recsPreviewProductInput, 'Related and bought-together lists for a product'),
  'recs.preview.customer': operation<RecsCustomerPreview>()(recsPreviewCustomerInput, 'A customer\'s "for you" list'),
  'recs.evaluate': operation<RecsExperiment>()(recsEvaluateInput, 'Starts an offline evaluation on held-out orders'),
  'recs.experiments.list': operation<RecsExperiment[]>()(recsExperimentsListInput, 'Saved evaluations, newest first'),
  'recs.rules.mine': operation<RecsRulesResult>()(recsRulesMineInput, 'Association rules from the local orders'),
  'recs.publish.plan': operation<RecsPublishPlan>()(recsPublishPlanInput, 'What publishing would change on the store'),
  'recs.publish': operation<RecsPublishResult>()(recsPublishInput, 'Queues product lists for the store through the outbox'),
  'recs.export': operation<RecsExport>()(recsExportInput, 'Product-to-product lists as CSV for any other platform'),
} as const;
