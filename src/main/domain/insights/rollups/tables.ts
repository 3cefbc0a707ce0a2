import { CUSTOMER_TABLES } from './customers';
import { DAILY_TABLES } from './daily';

/** Every table a rebuild recomputes (not rollup_dirty nor rollup_state). */
export const ROLLUP_TABLES: readonly string[] = [...DAILY_TABLES, ...CUSTOMER_TABLES];
