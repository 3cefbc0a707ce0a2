import { randomBytes } from 'node:crypto';
import { checkSubtag, SUBTAGS, type Tag } from './taxonomy';

/** AfterShip's tracking object, with the fields this server keeps (AfterShip's names). */
export interface ServerCheckpoint {
  checkpoint_time: string;
  created_at: string;
  slug: string;
  location: string | null;
  city: string | null;
  country_region: string | null;
  message: string;
  tag: Tag;
  subtag: string;
  subtag_message: string;
}

interface Estimate {
  estimated_delivery_date: string | null;
  estimated_delivery_date_min: string | null;
  estimated_delivery_date_max: string | null;
}

interface Edd {
  type: 'specific';
  source: 'Carrier EDD';
  datetime: string;
  datetime_min: null;
  datetime_max: null;
}

export interface ServerTracking {
  id: string;
  legacy_id: string;
  tracking_number: string;
  slug: string;
  active: boolean;
  created_at: string;
  updated_at: string;
  tag: Tag;
  subtag: string;
  subtag_message: string;
  title: string;
  order_number: string | null;
  shipment_pickup_date: string | null;
  shipment_delivery_date: string | null;
  courier_tracking_link: string | null;
  courier_estimated_delivery_date: Estimate | null;
  aftership_estimated_delivery_date: Estimate | null;
  first_estimated_delivery: Edd | null;
  latest_estimated_delivery: Edd | null;
  checkpoints: ServerCheckpoint[];
}

export interface RecordedRequest {
  method: string;
  /** The endpoint as AfterShip's rate-limit table names it: 'GET /trackings/:id'. */
  endpoint: string;
  path: string;
  at: number;
  status: number;
}

/** Failures a test switches on; each count is used up one request at a time. */
export interface AfterShipFailures {
  serverErrors: number;
  serverErrorStatus: number;
  /** Answer 429 this many times even within the limit. */
  rateLimited: number;
  /** Drop connections without an answer (an unreachable host). */
  down: boolean;
}

/** AfterShip's dates: whole seconds, UTC. */
export const asTime = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

export interface AdvanceOptions {
  subtag?: string;
  message?: string;
  location?: string;
  /** The scan's time as the carrier gives it (default: now, as AfterShip's UTC). */
  checkpointTime?: string;
}

/**
 * What the server holds, and the handles a test drives it by: advance a
 * parcel through the taxonomy, add a scan, move the carrier's estimate,
 * switch failures on. Limits are requests per second per endpoint, as
 * AfterShip documents them since 2024-07 (lower ones make pacing tests quick).
 */
export class AfterShipServerState {
  readonly trackings = new Map<string, ServerTracking>();
  readonly requests: RecordedRequest[] = [];
  readonly failures: AfterShipFailures = { serverErrors: 0, serverErrorStatus: 500, rateLimited: 0, down: false };
  readonly limits: Record<string, number>;
  /** Requests per endpoint in the current one-second window. */
  readonly windows = new Map<string, { second: number; count: number }>();

  constructor(readonly apiKey: string, limits: Partial<Record<string, number>> = {}, readonly clock: () => number = Date.now) {
    this.limits = { 'POST /trackings': 20, 'GET /trackings': 6, 'GET /trackings/:id': 5, ...limits } as Record<string, number>;
  }

  create(body: { tracking_number: string; slug?: string; title?: string; order_number?: string }): ServerTracking {
    const now = asTime(this.clock());
    const id = randomBytes(16).toString('hex');
    const slug = body.slug ?? 'ups';
    const tracking: ServerTracking = {
      id, legacy_id: id.slice(0, 24), tracking_number: body.tracking_number, slug, active: true,
      created_at: now, updated_at: now, tag: 'Pending', subtag: 'Pending_001', subtag_message: SUBTAGS.Pending_001!,
      title: body.title ?? body.tracking_number, order_number: body.order_number ?? null,
      shipment_pickup_date: null, shipment_delivery_date: null,
      courier_tracking_link: `https://carrier.example/track?number=${encodeURIComponent(body.tracking_number)}`,
      courier_estimated_delivery_date: null, aftership_estimated_delivery_date: null,
      first_estimated_delivery: null, latest_estimated_delivery: null, checkpoints: [],
    };
    this.trackings.set(id, tracking);
    return tracking;
  }

  find(trackingNumber: string): ServerTracking {
    const found = [...this.trackings.values()].find((t) => t.tracking_number === trackingNumber);
    if (!found) throw new Error(`aftership-server: no tracking for ${trackingNumber}`);
    return found;
  }

  private touch(t: ServerTracking): void {
    t.updated_at = asTime(this.clock());
  }

  /** A new scan moves the parcel to `tag` (the tracking's tag is its newest scan's, as on AfterShip). */
  advance(trackingNumber: string, tag: Tag, options: AdvanceOptions = {}): ServerTracking {
    const t = this.find(trackingNumber);
    const subtag = options.subtag ?? `${tag}_001`;
    checkSubtag(tag, subtag);
    const time = options.checkpointTime ?? asTime(this.clock());
    t.checkpoints.push({
      checkpoint_time: time, created_at: asTime(this.clock()), slug: t.slug, location: options.location ?? null,
      city: null, country_region: null, message: options.message ?? SUBTAGS[subtag]!, tag, subtag,
      subtag_message: SUBTAGS[subtag]!,
    });
    t.tag = tag;
    t.subtag = subtag;
    t.subtag_message = SUBTAGS[subtag]!;
    if (tag === 'InTransit' && t.shipment_pickup_date === null) t.shipment_pickup_date = time;
    if (tag === 'Delivered') t.shipment_delivery_date = time;
    // AfterShip stops following a parcel that is delivered or expired.
    t.active = tag !== 'Delivered' && tag !== 'Expired';
    this.touch(t);
    return t;
  }

  /** The same scan reported again (carriers do): the tracking is touched, its checkpoints are not new. */
  repeatLastCheckpoint(trackingNumber: string): void {
    const t = this.find(trackingNumber);
    const last = t.checkpoints[t.checkpoints.length - 1];
    if (!last) throw new Error('aftership-server: no checkpoint to repeat');
    t.checkpoints.push({ ...last });
    this.touch(t);
  }

  /** The carrier gives or moves its estimate ('YYYY-MM-DD'); AfterShip keeps the first one in first_estimated_delivery. */
  setCourierEstimate(trackingNumber: string, date: string): void {
    const t = this.find(trackingNumber);
    t.courier_estimated_delivery_date = { estimated_delivery_date: date, estimated_delivery_date_min: null, estimated_delivery_date_max: null };
    const edd: Edd = { type: 'specific', source: 'Carrier EDD', datetime: date, datetime_min: null, datetime_max: null };
    t.first_estimated_delivery ??= edd;
    t.latest_estimated_delivery = edd;
    this.touch(t);
  }

  /** Requests to `endpoint` (all when left out), in order. */
  requestsTo(endpoint?: string): RecordedRequest[] {
    return endpoint ? this.requests.filter((r) => r.endpoint === endpoint) : this.requests;
  }
}
