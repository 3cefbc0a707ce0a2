import { z } from 'zod';
import { operation } from './operation';
import { dateRange, storeId } from './common';

/**
 * Shipments, their tracking, the exceptions queue and the logistics KPIs.
 * Statuses follow the common tracking taxonomy (AfterShip's tags); the
 * marketplace's fulfilments and the tracking provider both write them.
 */
export const SHIPMENT_STATUSES = ['Pending', 'InfoReceived', 'InTransit', 'OutForDelivery', 'AttemptFail', 'Delivered',
  'AvailableForPickup', 'Exception', 'Expired'] as const;
export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number];

/** Why a shipment is in the exceptions queue. */
export const EXCEPTION_KINDS = ['late', 'attempt_fail', 'exception', 'no_scan', 'disputed'] as const;
export type ExceptionKind = (typeof EXCEPTION_KINDS)[number];

/** Transit measured in calendar days, or in business days (Monday to Friday). */
export const DAY_BASES = ['calendar', 'business'] as const;
export type DayBasis = (typeof DAY_BASES)[number];

const id = z.number().int().positive();
const search = z.string().trim().max(100);

export const shipmentsListInput = z
  .object({
    status: z.array(z.enum(SHIPMENT_STATUSES)).max(9).optional(),
    carrier: z.array(z.string().trim().min(1).max(60)).max(50).optional(),
    country: z.string().trim().length(2, { message: 'must be a two-letter country code' }).optional(),
    /** Tracking number, order number or customer name. */
    search: search.optional(),
    /** On the shipped day. */
    range: dateRange.optional(),
    storeId: storeId.optional(),
    sort: z.enum(['shipped_desc', 'shipped_asc', 'last_event_desc', 'estimated_asc']).default('shipped_desc'),
    cursor: z.string().max(200).nullable().optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict();

export interface ShipmentRow {
  id: number;
  orderId: number;
  orderNumber: string;
  customerId: number | null;
  customerName: string | null;
  carrier: string;
  service: string | null;
  trackingNumber: string | null;
  /** The carrier's tracking page: the platform's link, else one built from the carrier and number. */
  trackingUrl: string | null;
  status: ShipmentStatus;
  subStatus: string | null;
  destinationCountry: string | null;
  destinationRegion: string | null;
  shippedAt: string | null;
  originalEstimatedDeliveryAt: string | null;
  estimatedDeliveryAt: string | null;
  deliveredAt: string | null;
  lastEventAt: string | null;
  disputedAt: string | null;
}

export interface ShipmentPage {
  rows: ShipmentRow[];
  nextCursor: string | null;
  /** Matching shipments in all (counted, or null when the count would be slow and was skipped). */
  total: number | null;
}

export interface TrackingEvent {
  id: number;
  occurredAt: string;
  status: string;
  subStatus: string | null;
  location: string | null;
  message: string | null;
}

export interface ShipmentDetail extends ShipmentRow {
  events: TrackingEvent[];
  /** Open tickets about this shipment (one click away). */
  tickets: { id: number; subject: string; status: string }[];
  /** When the tracking provider last looked, and what it said if it failed. */
  tracking: { provider: string | null; lastCheckedAt: string | null; lastError: string | null };
}

export const shipmentIdInput = z.object({ id }).strict();

export const shipmentsDisputeInput = z
  .object({
    id,
    /** true: the customer says a delivered parcel never arrived; false: resolved. */
    disputed: z.boolean(),
    note: z.string().trim().max(1000).optional(),
    staffId: id,
  })
  .strict();

/**
 * `shipments.create`: a parcel staff send with a tracking number, recorded in
 * Backroom and (for a connected store) pushed to the marketplace through the
 * outbox as a fulfilment.
 */
export const shipmentsCreateInput = z
  .object({
    orderId: id,
    carrier: z.string().trim().min(1, { message: 'the carrier is required' }).max(60, { message: 'the carrier must be at most 60 characters' }),
    trackingNumber: z
      .string()
      .trim()
      .min(1, { message: 'the tracking number is required' })
      .max(60, { message: 'the tracking number must be at most 60 characters' })
      .regex(/^[\p{L}\p{N}][\p{L}\p{N} -]*$/u, { message: 'the tracking number may hold only letters, digits, dashes and spaces' }),
    service: z.string().trim().min(1).max(60, { message: 'the service must be at most 60 characters' }).optional(),
    trackingUrl: z
      .string()
      .trim()
      .max(500, { message: 'the tracking link must be at most 500 characters' })
      .url({ message: 'the tracking link must be a web address' })
      .regex(/^https:\/\//i, { message: 'the tracking link must start with https://' })
      .optional(),
    /** The items in the parcel; left out: everything of the order not yet shipped. */
    lines: z
      .array(z.object({ orderLineId: id, quantity: z.number().int().min(1, { message: 'each quantity must be at least 1' }).max(100000) }).strict())
      .min(1, { message: 'choose at least one item for the parcel' })
      .max(500)
      .optional(),
    staffId: id,
    /** A retried request (same key) answers the shipment the first one made. */
    requestKey: z.string().trim().min(8, { message: 'the request key must be at least 8 characters' }).max(100),
  })
  .strict();

export const logisticsExceptionsInput = z
  .object({
    kinds: z.array(z.enum(EXCEPTION_KINDS)).min(1).max(5).optional(),
    /** A shipment in transit with no scan for this many days is an exception. */
    noScanDays: z.number().int().min(1).max(60).default(5),
    carrier: z.array(z.string().trim().min(1).max(60)).max(50).optional(),
    storeId: storeId.optional(),
    cursor: z.string().max(200).nullable().optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict();

export interface ExceptionRow extends ShipmentRow {
  kinds: ExceptionKind[];
  /** Days past the original estimate (late) or since the last scan (no_scan). */
  daysLate: number | null;
  daysSinceScan: number | null;
  openTicketId: number | null;
}

export interface ExceptionsPage {
  rows: ExceptionRow[];
  nextCursor: string | null;
  /** Shipments in the queue by kind (a shipment may count under several). */
  counts: Record<ExceptionKind, number>;
}

export const logisticsKpisInput = z
  .object({
    range: dateRange.optional(),
    /** Also answer the period of equal length just before. */
    compare: z.boolean().default(true),
    basis: z.enum(DAY_BASES).default('calendar'),
    carrier: z.array(z.string().trim().min(1).max(60)).max(50).optional(),
    country: z.string().trim().length(2).optional(),
    storeId: storeId.optional(),
  })
  .strict();

export interface LogisticsKpiSet {
  shipped: number;
  delivered: number;
  /** delivered / shipped (shipped in the range). */
  deliveryRate: number | null;
  /** Delivered on or before the ORIGINAL estimate / delivered with an estimate. */
  onTimeRate: number | null;
  /** Shipped → delivered, in days of the chosen basis. */
  transitP50: number | null;
  transitP90: number | null;
  /** Order placed → delivered. */
  orderToDeliveryP50: number | null;
  orderToDeliveryP90: number | null;
  exceptions: number;
}

export interface LogisticsBreakdownRow extends LogisticsKpiSet {
  /** The carrier, or the destination "country / region". */
  key: string;
}

export interface LogisticsKpis {
  range: { from: string | null; to: string | null };
  previousRange: { from: string | null; to: string | null } | null;
  basis: DayBasis;
  current: LogisticsKpiSet;
  previous: LogisticsKpiSet | null;
  byCarrier: LogisticsBreakdownRow[];
  byRegion: LogisticsBreakdownRow[];
  /** Shipments by shipped day and current status. */
  volumeByDay: { day: string; counts: Partial<Record<ShipmentStatus, number>>; total: number }[];
  exceptionsByCarrier: { carrier: string; counts: Partial<Record<ExceptionKind, number>>; total: number }[];
  /** Carriers and countries present, for the filters. */
  carriers: string[];
  countries: string[];
}

/** The tracking provider (AfterShip's Tracking API); its key is kept like a store's credentials, never returned. */
export const TRACKING_PROVIDERS = ['aftership'] as const;

export const trackingProviderUpdateInput = z
  .object({
    provider: z.enum(TRACKING_PROVIDERS),
    /** Leave out to keep the saved key. */
    apiKey: z.string().trim().min(1, { message: 'the API key is required' }).max(200).optional(),
    /** The provider's address (tests use a local server). */
    baseUrl: z.string().trim().url({ message: 'must be a web address' }).max(300).optional(),
    enabled: z.boolean(),
    /** Minutes between automatic refreshes while the app is open; 0 = only by hand. */
    intervalMinutes: z.number().int().min(0).max(24 * 60).default(60),
    staffId: id,
  })
  .strict();

export interface TrackingProviderState {
  provider: string | null;
  enabled: boolean;
  hasKey: boolean;
  baseUrl: string | null;
  intervalMinutes: number;
  lastRunAt: string | null;
  lastError: string | null;
  /** Shipments the provider follows (not yet delivered or expired). */
  following: number;
}

export const trackingRefreshInput = z
  .object({
    /** Just these shipments; all that are still moving when left out. */
    shipmentIds: z.array(id).min(1).max(500).optional(),
  })
  .strict();

export interface TrackingRefreshResult {
  checked: number;
  updated: number;
  newEvents: number;
  failed: number;
  /** A sentence when the provider could not be reached or refused (rate limit, key). */
  message: string | null;
}

export const logisticsOperations = {
  'shipments.list': operation<ShipmentPage>()(shipmentsListInput, 'One page of shipments, filtered and sorted'),
  'shipments.get': operation<ShipmentDetail>()(shipmentIdInput, 'A shipment with its tracking timeline'),
  'shipments.dispute': operation<ShipmentDetail>()(shipmentsDisputeInput, 'Marks a delivered parcel as disputed, or resolved'),
  'shipments.create': operation<ShipmentDetail>()(shipmentsCreateInput, 'Records a parcel with its tracking number and queues it for the marketplace'),
  'logistics.exceptions': operation<ExceptionsPage>()(logisticsExceptionsInput, 'Shipments that need attention, and why'),
  'logistics.kpis': operation<LogisticsKpis>()(logisticsKpisInput, 'Delivery, on-time and transit figures with breakdowns'),
  'tracking.provider.get': operation<TrackingProviderState>()(z.object({}).strict(), 'The tracking provider settings'),
  'tracking.provider.update': operation<TrackingProviderState>()(trackingProviderUpdateInput, 'Saves the tracking provider settings'),
  'tracking.refresh': operation<TrackingRefreshResult>()(trackingRefreshInput, 'Asks the tracking provider for news now'),
} as const;
