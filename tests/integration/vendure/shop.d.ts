/** Types for shop.js (plain JavaScript so the peer runs without a build step). */
import type { GraphqlSession } from './graphql';

export interface NewOrder {
  customer: { emailAddress: string; firstName: string; lastName: string };
  lines: { variantId: string; quantity: number }[];
  shippingMethodIndex?: number;
  /** 'instant-payment' settles at once; 'standard-payment' (the sample data's) only authorizes. */
  paymentMethod?: 'instant-payment' | 'standard-payment';
  countryCode?: string;
  street?: string;
  city?: string;
}
export interface PlacedOrder {
  id: string;
  code: string;
  state: string;
  totalWithTax: number;
  currencyCode: string;
  payments: { id: string; state: string; amount: number }[];
}
export interface AdminOrder {
  id: string;
  code: string;
  state: string;
  totalWithTax: number;
  payments: { id: string; state: string; amount: number }[];
  lines: { id: string; quantity: number }[];
  fulfillments: { id: string; state: string; trackingCode: string | null }[] | null;
}
export interface Staff {
  order(id: string): Promise<AdminOrder>;
  settle(orderId: string): Promise<void>;
  fulfil(orderId: string, trackingCode: string, method?: string): Promise<string>;
  moveFulfilment(fulfilmentId: string, state: 'Shipped' | 'Delivered' | 'Cancelled'): Promise<void>;
  cancel(orderId: string, reason?: string): Promise<void>;
  refund(orderId: string, amount: number, reason?: string): Promise<{ id: string; state: string; total: number }>;
  editCustomer(customerId: string, fields: Record<string, unknown>): Promise<void>;
}
export declare function placeOrder(shopApi: string, order: NewOrder): Promise<PlacedOrder>;
export declare function staff(admin: GraphqlSession): Staff;
export declare function prng(seed: number): () => number;
