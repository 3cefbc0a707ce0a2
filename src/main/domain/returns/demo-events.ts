import type { ReturnPolicyFlag, ReturnStatus } from '../../../shared/contract/returns';
import type { Sqlite } from '../../db/connection';
import { isOutsideWindow } from './policy-check';
import { readReturnPolicy } from './policy';

/**
 * The demo's return lifecycles, derived after the bulk load: one event per
 * step each generated return reached, made by one of the store's agents.
 * The generator keeps the times that matter elsewhere (requested, received,
 * resolved, closed, and the latest step as updated_at); steps between two of
 * them are placed evenly between, so every timeline runs forward in time.
 */
const ACCEPTED_PATH: ReturnStatus[] = ['requested', 'approved', 'in_transit', 'received', 'inspected', 'resolved', 'closed'];
const DECLINED_PATH: ReturnStatus[] = ['requested', 'declined', 'closed'];

interface GeneratedReturn {
  id: number;
  status: ReturnStatus;
  declined: number;
  requestedAt: string;
  receivedAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  updatedAt: string;
}

/** The steps up to `status` with their times, the unknown ones spread between the known ones. */
export function demoTimeline(r: GeneratedReturn): { status: ReturnStatus; atMs: number }[] {
  const path = r.declined ? DECLINED_PATH : ACCEPTED_PATH;
  const steps = path.slice(0, path.indexOf(r.status) + 1);
  const known: Partial<Record<ReturnStatus, string | null>> = {
    requested: r.requestedAt, received: r.receivedAt, resolved: r.resolvedAt, closed: r.closedAt,
  };
  const times = steps.map((s, i) => (i === steps.length - 1 ? Date.parse(r.updatedAt) : known[s] ? Date.parse(known[s]!) : null));
  for (let i = 1; i < times.length; i += 1) {
    if (times[i] !== null) continue;
    let next = i + 1;
    while (times[next] === null) next += 1;
    const from = times[i - 1]!;
    const gap = (times[next]! - from) / (next - i + 1);
    times[i] = Math.round(from + gap);
  }
  return steps.map((status, i) => ({ status, atMs: times[i]! }));
}

/**
 * The policy check each generated request would have had when it was made:
 * outside the window (from delivery, or from the order for counter sales),
 * and serial returners counting the customer's requests in the year before.
 */
function flagDemoReturns(sqlite: Sqlite, storeId: number): void {
  const policy = readReturnPolicy(sqlite);
  const rows = sqlite.prepare<[number], { id: number; customerId: number | null; requestedAt: string; startAt: string }>(
    `SELECT r.id, r.customer_id AS customerId, r.requested_at AS requestedAt,
       coalesce((SELECT min(s.delivered_at) FROM shipments s WHERE s.order_id = r.order_id AND s.delivered_at IS NOT NULL), o.placed_at) AS startAt
       FROM returns r JOIN orders o ON o.id = r.order_id
      WHERE r.store_id = ? AND NOT EXISTS (SELECT 1 FROM return_events e WHERE e.return_id = r.id)`,
  ).all(storeId);
  const recent = sqlite.prepare<[number, string, string], { n: number }>(
    'SELECT count(*) AS n FROM returns WHERE customer_id = ? AND requested_at > ? AND requested_at <= ?',
  );
  const save = sqlite.prepare('UPDATE returns SET policy_flags = ? WHERE id = ?');
  for (const r of rows) {
    const flags: ReturnPolicyFlag[] = [];
    if (isOutsideWindow(r.startAt, policy.windowDays, new Date(r.requestedAt))) flags.push('outside_window');
    const since = new Date(Date.parse(r.requestedAt) - 365 * 86_400_000).toISOString();
    if (r.customerId !== null && recent.get(r.customerId, since, r.requestedAt)!.n >= policy.serialReturnerThreshold) {
      flags.push('serial_returner');
    }
    if (flags.length > 0) save.run(JSON.stringify(flags), r.id);
  }
}

export function writeDemoReturnEvents(sqlite: Sqlite, storeId: number): void {
  flagDemoReturns(sqlite, storeId);
  const active = sqlite.prepare<[], { id: number; role: string }>('SELECT id, role FROM staff WHERE active = 1 ORDER BY id').all();
  const onlyAgents = active.filter((s) => s.role === 'agent');
  const agents = (onlyAgents.length > 0 ? onlyAgents : active).map((s) => s.id);
  const returns = sqlite.prepare<[number], GeneratedReturn>(
    `SELECT r.id, r.status, (r.status = 'declined' OR (r.status = 'closed' AND r.resolution IS NULL)) AS declined,
       r.requested_at AS requestedAt, r.received_at AS receivedAt, r.resolved_at AS resolvedAt, r.closed_at AS closedAt,
       r.updated_at AS updatedAt
       FROM returns r WHERE r.store_id = ? AND NOT EXISTS (SELECT 1 FROM return_events e WHERE e.return_id = r.id)`,
  );
  const insert = sqlite.prepare(
    'INSERT INTO return_events (return_id, from_status, to_status, staff_id, at) VALUES (?, ?, ?, ?, ?)',
  );
  for (const r of returns.all(storeId)) {
    const timeline = demoTimeline(r);
    timeline.forEach((step, i) => {
      const staffId = agents.length === 0 ? null : agents[(r.id + i) % agents.length]!;
      insert.run(r.id, i === 0 ? null : timeline[i - 1]!.status, step.status, staffId, new Date(step.atMs).toISOString());
    });
  }
}
