import type { AudiencePreview, ParsedInputOf } from '../../../shared/contract';
import type { Sqlite } from '../../db/connection';
import { customerName } from '../orders/list';
import { resolveAudience } from './audience';

const SAMPLE = 10;

/**
 * campaigns.audience.preview: the audience as it would be launched now. The
 * holdout is an expectation (share × eligible): the exact split needs the
 * campaign's salt and is fixed at launch.
 */
export function previewAudience(sqlite: Sqlite, input: ParsedInputOf<'campaigns.audience.preview'>, now: Date): AudiencePreview {
  const resolved = resolveAudience(sqlite, input.audience, input.storeId, now);
  const sampleIds = resolved.eligibleIds.slice(0, SAMPLE);
  const people = sqlite.prepare(
    'SELECT id, first_name AS firstName, last_name AS lastName, email FROM customers WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id',
  ).all(JSON.stringify(sampleIds)) as { id: number; firstName: string | null; lastName: string | null; email: string | null }[];
  return {
    matched: resolved.matched,
    excludedNoConsent: resolved.excludedNoConsent,
    eligible: resolved.eligibleIds.length,
    expectedHoldout: Math.round((resolved.eligibleIds.length * input.holdoutPercent) / 100),
    unmatchedEntries: resolved.unmatchedEntries,
    unmatchedCount: resolved.unmatchedCount,
    sample: people.map((p) => ({ customerId: p.id, name: customerName(p.firstName, p.lastName), email: p.email })),
  };
}
