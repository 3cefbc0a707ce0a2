/**
 * The demo store generator: a deterministic "Maple & Moss" shop with 18 months
 * of orders, customers, shipments, loyalty, service and feedback, for the
 * first run, the tests and the benchmarks.
 */
export {
  DEFAULT_DEMO_SEED, DEMO_HISTORY_MONTHS, DEMO_SIZES, DEMO_STORE_NAME, ordersForSize,
  type DemoSize, type DemoSizeName, type DemoStoreOptions, type DemoStoreSummary,
} from './load';
export { generateDemoStore } from './sequential';
export { generateDemoStoreInParallel, type ParallelOptions } from './parallel';
