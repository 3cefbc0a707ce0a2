import { DEFAULT_RECS_CONFIG, recsConfig, type RecsConfig, type RecsConfigState } from '../../../shared/contract/recs';
import { AppError } from '../../../shared/errors';
import type { Sqlite } from '../../db/connection';
import { recordAudit } from '../audit/log';
import { requireActiveStaff } from '../orders/staff';

/**
 * The merchant's recommendation settings: one versioned row (recs_config).
 * Before the first save the defaults apply at version 0. A save names the
 * version it started from, so two people tuning at once cannot silently
 * overwrite each other.
 */
interface ConfigRow {
  config: string;
  version: number;
  updated_at: string;
}

export function readRecsConfig(sqlite: Sqlite): RecsConfigState {
  const row = sqlite.prepare<[], ConfigRow>('SELECT config, version, updated_at FROM recs_config WHERE id = 1').get();
  if (!row) return { config: DEFAULT_RECS_CONFIG, version: 0, updatedAt: null, defaults: DEFAULT_RECS_CONFIG };
  // Parsed again so a row written by an older version gains today's shape (or fails loudly, never half-read).
  return { config: recsConfig.parse(JSON.parse(row.config)), version: row.version, updatedAt: row.updated_at, defaults: DEFAULT_RECS_CONFIG };
}

/** The configuration a preview or evaluation uses: the unsaved one it was given, else the saved one. */
export function effectiveConfig(sqlite: Sqlite, unsaved: RecsConfig | undefined): RecsConfig {
  return unsaved ?? readRecsConfig(sqlite).config;
}

export interface ConfigUpdate {
  config: RecsConfig;
  expectedVersion: number;
  staffId?: number | undefined;
}

export function updateRecsConfig(sqlite: Sqlite, input: ConfigUpdate, now: Date): RecsConfigState {
  return sqlite.transaction(() => {
    const before = readRecsConfig(sqlite);
    if (before.version !== input.expectedVersion) {
      throw new AppError(
        'CONFLICT',
        'Someone saved the recommendation settings while you were editing them; reload to see their changes, then apply yours again.',
        { version: before.version },
      );
    }
    if (input.staffId !== undefined) requireActiveStaff(sqlite, input.staffId);
    requireProducts(sqlite, input.config);
    const version = before.version + 1;
    const at = now.toISOString();
    sqlite
      .prepare(
        `INSERT INTO recs_config (id, config, version, updated_at, updated_by) VALUES (1, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET config = excluded.config, version = excluded.version,
           updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      )
      .run(JSON.stringify(input.config), version, at, input.staffId ?? null);
    // The settings have no row id of their own in the audit log: entity id 0, as other areas' settings.
    recordAudit(sqlite, {
      at, staffId: input.staffId, entityType: 'settings', entityId: 0, action: 'recs.config.update',
      detail: { fromVersion: before.version, toVersion: version, config: input.config },
    });
    return { config: input.config, version, updatedAt: at, defaults: DEFAULT_RECS_CONFIG };
  }).immediate();
}

/** Pinned and excluded products must exist: a typo'd id would otherwise do nothing, silently. */
function requireProducts(sqlite: Sqlite, config: RecsConfig): void {
  const named = new Set<number>([
    ...config.filters.excludeProductIds,
    ...config.pins.flatMap((pin) => [pin.anchorProductId, pin.productId]),
  ]);
  if (named.size === 0) return;
  const exists = sqlite.prepare<[number], { id: number }>('SELECT id FROM products WHERE id = ?');
  const missing = [...named].filter((id) => exists.get(id) === undefined).sort((a, b) => a - b);
  if (missing.length > 0) {
    const list = missing.slice(0, 10).join(', ') + (missing.length > 10 ? ` and ${missing.length - 10} more` : '');
    throw new AppError(
      'VALIDATION',
      `${missing.length === 1 ? 'Product' : 'Products'} ${list} ${missing.length === 1 ? 'does' : 'do'} not exist; remove ${missing.length === 1 ? 'it' : 'them'} from the pins and exclusions.`,
      { productIds: missing },
    );
  }
}
