import type { RemoteCustomer, RemoteProduct } from '../../model';
import { decimalToMinor, MappingError } from './money';

/** Shopify Customer and Product nodes (2025-10 field names) to the sync model. */
export interface ShopifyCustomerNode {
  id?: unknown;
  firstName?: string | null;
  lastName?: string | null;
  tags?: string[] | null;
  createdAt?: string | null;
  updatedAt?: unknown;
  defaultEmailAddress?: { emailAddress?: string | null; marketingState?: string | null } | null;
  defaultPhoneNumber?: { phoneNumber?: string | null } | null;
  defaultAddress?: { countryCodeV2?: string | null; provinceCode?: string | null; city?: string | null } | null;
}

export function requireId(value: unknown, kind: string): string {
  if (typeof value !== 'string' || !value.startsWith(`gid://shopify/${kind}/`)) throw new MappingError(`The ${kind} has no valid id.`);
  return value;
}

export function requireTime(value: unknown, what: string): string {
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) throw new MappingError(`${what} is not a date and time.`);
  return new Date(value).toISOString();
}

const optionalTime = (value: unknown): string | null =>
  typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? new Date(value).toISOString() : null;

export { optionalTime };

export function mapCustomer(node: ShopifyCustomerNode): RemoteCustomer {
  return {
    externalId: requireId(node.id, 'Customer'),
    email: node.defaultEmailAddress?.emailAddress ?? null,
    phone: node.defaultPhoneNumber?.phoneNumber ?? null,
    firstName: node.firstName ?? null,
    lastName: node.lastName ?? null,
    country: node.defaultAddress?.countryCodeV2 ?? null,
    region: node.defaultAddress?.provinceCode ?? null,
    city: node.defaultAddress?.city ?? null,
    marketingConsent: node.defaultEmailAddress?.marketingState === 'SUBSCRIBED',
    tags: node.tags ?? [],
    createdAt: optionalTime(node.createdAt),
    updatedAt: requireTime(node.updatedAt, "The customer's updatedAt"),
  };
}

export interface ShopifyProductNode {
  id?: unknown;
  title?: unknown;
  productType?: string | null;
  vendor?: string | null;
  tags?: string[] | null;
  status?: string | null;
  totalInventory?: number | null;
  createdAt?: string | null;
  updatedAt?: unknown;
  variants?: { edges?: { node: { sku?: string | null; price?: unknown } }[] } | null;
}

const PRODUCT_STATUS: Record<string, RemoteProduct['status']> = { ACTIVE: 'active', DRAFT: 'draft', ARCHIVED: 'archived', UNLISTED: 'active' };

/** Product prices are in the shop's currency (Shopify's Money scalar carries no code). */
export function mapProduct(node: ShopifyProductNode, currency: string): RemoteProduct {
  const externalId = requireId(node.id, 'Product');
  if (typeof node.title !== 'string' || node.title.trim() === '') throw new MappingError('The product has no title.');
  const status = PRODUCT_STATUS[node.status ?? ''];
  if (!status) throw new MappingError(`The product status "${String(node.status)}" is not one Backroom knows.`);
  const variant = node.variants?.edges?.[0]?.node;
  return {
    externalId,
    title: node.title,
    sku: variant?.sku || null,
    category: node.productType || null,
    brand: node.vendor || null,
    tags: node.tags ?? [],
    priceMinor: variant ? decimalToMinor(variant.price, currency, "The first variant's price") : 0,
    currency,
    inventoryQuantity: typeof node.totalInventory === 'number' ? node.totalInventory : null,
    status,
    createdAt: optionalTime(node.createdAt),
    updatedAt: requireTime(node.updatedAt, "The product's updatedAt"),
  };
}
