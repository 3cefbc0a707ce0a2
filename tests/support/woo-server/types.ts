/**
 * The WooCommerce REST API v3 shapes the test server returns, with the
 * platform's own field names (https://woocommerce.github.io/woocommerce-rest-api-docs/).
 * Money is a decimal string ("12.34"); dates come twice, local and *_gmt.
 */
export interface WooMeta { id: number; key: string; value: unknown }

export interface WooAddress {
  first_name: string; last_name: string; company: string; address_1: string; address_2: string;
  city: string; state: string; postcode: string; country: string; email?: string; phone: string;
}

export interface WooLineItem {
  id: number; name: string; product_id: number; variation_id: number; quantity: number; tax_class: string;
  subtotal: string; subtotal_tax: string; total: string; total_tax: string; taxes: unknown[]; meta_data: WooMeta[];
  sku: string; price: number;
}

export interface WooOrder {
  id: number; parent_id: number; number: string; order_key: string; created_via: string; version: string;
  status: string; currency: string;
  date_created: string; date_created_gmt: string; date_modified: string; date_modified_gmt: string;
  discount_total: string; discount_tax: string; shipping_total: string; shipping_tax: string;
  cart_tax: string; total: string; total_tax: string; prices_include_tax: boolean;
  customer_id: number; customer_note: string; billing: WooAddress; shipping: WooAddress;
  payment_method: string; payment_method_title: string; transaction_id: string;
  date_paid: string | null; date_paid_gmt: string | null; date_completed: string | null; date_completed_gmt: string | null;
  meta_data: WooMeta[]; line_items: WooLineItem[];
  tax_lines: { id: number; rate_code: string; rate_id: number; label: string; compound: boolean; tax_total: string; shipping_tax_total: string }[];
  shipping_lines: { id: number; method_title: string; method_id: string; total: string; total_tax: string }[];
  fee_lines: unknown[]; coupon_lines: unknown[];
  refunds: { id: number; reason: string; total: string }[];
}

export interface WooRefund {
  id: number; date_created: string; date_created_gmt: string; amount: string; reason: string;
  refunded_by: number; refunded_payment: boolean; meta_data: WooMeta[]; line_items: unknown[];
}

export interface WooNote {
  id: number; author: string; date_created: string; date_created_gmt: string; note: string; customer_note: boolean;
}

export interface WooCustomer {
  id: number; date_created: string; date_created_gmt: string; date_modified: string; date_modified_gmt: string;
  email: string; first_name: string; last_name: string; role: string; username: string;
  billing: WooAddress; shipping: WooAddress; is_paying_customer: boolean; avatar_url: string; meta_data: WooMeta[];
}

export interface WooProduct {
  id: number; name: string; slug: string; permalink: string; type: string; status: string;
  date_created: string; date_created_gmt: string; date_modified: string; date_modified_gmt: string;
  sku: string; price: string; regular_price: string; sale_price: string;
  manage_stock: boolean; stock_quantity: number | null; stock_status: string;
  categories: { id: number; name: string; slug: string }[]; tags: { id: number; name: string; slug: string }[];
  brands: { id: number; name: string; slug: string }[]; meta_data: WooMeta[];
  /** Shown as "You may also like…" on the product page, and in the cart; product ids in order. */
  upsell_ids: number[]; cross_sell_ids: number[];
}

export interface WooCoupon {
  id: number; code: string; discount_type: string; amount: string; usage_limit: number | null;
  individual_use: boolean; free_shipping: boolean; minimum_amount: string; product_ids: number[];
  email_restrictions: string[]; date_created_gmt: string; meta_data: WooMeta[];
}

/** Any record the server lists: all carry an id and a modification time. */
export type WooListed = { id: number; date_modified_gmt: string };
