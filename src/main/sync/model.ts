/**
 * The records every source hands to the sync engine: Shopify, WooCommerce and
 * Vendure connectors, and CSV imports, all map their own shapes to these, and
 * one apply step (apply/) writes them to the database. Money is integer minor
 * units in the record's currency; times are UTC ISO-8601 strings. An id is the
 * platform's own id as text (Shopify GIDs included), unique per store and kind.
 */
export type SyncResource = 'products' | 'customers' | 'orders';

export interface RemoteProduct {
  externalId: string;
  title: string;
  sku: string | null;
  category: string | null;
  brand: string | null;
  tags: string[];
  /** The first (or only) variant's price. */
  priceMinor: number;
  currency: string;
  inventoryQuantity: number | null;
  status: 'active' | 'draft' | 'archived';
  createdAt: string | null;
  updatedAt: string;
}

export interface RemoteCustomer {
  externalId: string;
  email: string | null;
  phone: string | null;
  firstName: string | null;
  lastName: string | null;
  country: string | null;
  region: string | null;
  city: string | null;
  marketingConsent: boolean;
  tags: string[];
  createdAt: string | null;
  updatedAt: string;
}

export interface RemoteOrderLine {
  externalId: string;
  /** The product's external id, when the line sells a catalogue product. */
  productExternalId: string | null;
  title: string;
  sku: string | null;
  quantity: number;
  unitPriceMinor: number;
  discountMinor: number;
  totalMinor: number;
}

export interface RemotePayment {
  externalId: string;
  kind: 'authorization' | 'capture' | 'sale' | 'void' | 'refund';
  method: string;
  gateway: string;
  status: 'pending' | 'success' | 'failure' | 'error';
  amountMinor: number;
  currency: string;
  errorCode: string | null;
  processedAt: string;
}

export interface RemoteRefund {
  externalId: string;
  amountMinor: number;
  currency: string;
  reason: string | null;
  note: string | null;
  refundedAt: string;
}

export type ShipmentStatus =
  | 'Pending' | 'InfoReceived' | 'InTransit' | 'OutForDelivery' | 'AttemptFail' | 'Delivered'
  | 'AvailableForPickup' | 'Exception' | 'Expired';

export interface RemoteShipment {
  externalId: string;
  carrier: string;
  service: string | null;
  trackingNumber: string | null;
  trackingUrl: string | null;
  status: ShipmentStatus;
  shippedAt: string | null;
  estimatedDeliveryAt: string | null;
  deliveredAt: string | null;
  updatedAt: string;
}

export interface RemoteOrder {
  externalId: string;
  orderNumber: string;
  /** The customer's external id; null for a guest checkout. */
  customerExternalId: string | null;
  /** Embedded when the platform returns the customer with the order (applied first, not newer-checked against itself). */
  customer: RemoteCustomer | null;
  channel: string;
  status: 'open' | 'completed' | 'cancelled';
  financialStatus: 'pending' | 'authorized' | 'paid' | 'partially_refunded' | 'refunded' | 'voided' | 'failed';
  fulfillmentStatus: 'unfulfilled' | 'partial' | 'fulfilled' | 'returned';
  currency: string;
  subtotalMinor: number;
  discountMinor: number;
  shippingMinor: number;
  taxMinor: number;
  totalMinor: number;
  refundedMinor: number;
  /**
   * True when the prices already include tax (EU-style shops): the total is then
   * subtotal − discount + shipping, and taxMinor is the part of it that is tax.
   * Absent or false: tax is added on top. (Added by sync-apply; optional.)
   */
  taxesIncluded?: boolean;
  paymentMethod: string | null;
  shippingCountry: string | null;
  shippingRegion: string | null;
  tags: string[];
  placedAt: string;
  cancelledAt: string | null;
  updatedAt: string;
  lines: RemoteOrderLine[];
  payments: RemotePayment[];
  refunds: RemoteRefund[];
  shipments: RemoteShipment[];
}

export type RemoteRecord =
  | { resource: 'products'; record: RemoteProduct }
  | { resource: 'customers'; record: RemoteCustomer }
  | { resource: 'orders'; record: RemoteOrder };

/**
 * A record the connector could not map (a missing field, a bad amount): kept
 * with its reason and raw payload in quarantine, and the run goes on.
 */
export interface MalformedRecord {
  resource: SyncResource;
  externalId: string | null;
  reason: string;
  raw: unknown;
}
