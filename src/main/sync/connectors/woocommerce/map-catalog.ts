import type { RemoteCustomer, RemoteProduct } from '../../model';
import { decimalToMinor, gmtDate, isObject, MappingError, requireId, text, type Json } from './fields';

/** WooCommerce products and customers mapped to the sync model. */
const PRODUCT_STATUS: Record<string, RemoteProduct['status']> = {
  publish: 'active', draft: 'draft', pending: 'draft', private: 'draft', future: 'draft', trash: 'archived',
};

function names(value: unknown): string[] {
  return Array.isArray(value) ? value.filter(isObject).map((term) => text(term, 'name')).filter((name): name is string => name !== null) : [];
}

export function mapProduct(raw: unknown, currency: string): RemoteProduct {
  if (!isObject(raw)) throw new MappingError('The product is not an object.');
  const externalId = requireId(raw, 'product');
  const title = text(raw, 'name');
  if (title === null) throw new MappingError('The product has no name.');
  const status = PRODUCT_STATUS[String(raw.status)];
  if (!status) throw new MappingError(`The product status ${JSON.stringify(raw.status)} is not one WooCommerce defines.`);
  // A variable product's "price" is its cheapest variation's; an empty price (not yet priced) counts as zero.
  const price = raw.price === '' || raw.price === null || raw.price === undefined ? '0' : raw.price;
  const stock = raw.stock_quantity;
  return {
    externalId, title, sku: text(raw, 'sku'),
    category: names(raw.categories)[0] ?? null,
    brand: names(raw.brands)[0] ?? null,
    tags: names(raw.tags),
    priceMinor: decimalToMinor(price, currency, 'price'),
    currency,
    inventoryQuantity: raw.manage_stock === true && typeof stock === 'number' && Number.isInteger(stock) ? stock : null,
    status,
    createdAt: gmtDate(raw, 'date_created_gmt'),
    updatedAt: gmtDate(raw, 'date_modified_gmt', true),
  };
}

export function mapCustomer(raw: unknown): RemoteCustomer {
  if (!isObject(raw)) throw new MappingError('The customer is not an object.');
  const externalId = requireId(raw, 'customer');
  const billing: Json = isObject(raw.billing) ? raw.billing : {};
  const shipping: Json = isObject(raw.shipping) ? raw.shipping : {};
  const email = text(raw, 'email') ?? text(billing, 'email');
  if (email !== null && !email.includes('@')) throw new MappingError(`The customer's email ${JSON.stringify(email)} is not an address.`);
  const where = text(shipping, 'country') ? shipping : billing;
  return {
    externalId, email,
    phone: text(billing, 'phone') ?? text(shipping, 'phone'),
    firstName: text(raw, 'first_name') ?? text(billing, 'first_name'),
    lastName: text(raw, 'last_name') ?? text(billing, 'last_name'),
    country: text(where, 'country'), region: text(where, 'state'), city: text(where, 'city'),
    // WooCommerce core keeps no marketing consent; a plugin's consent is not read here.
    marketingConsent: false,
    tags: [],
    createdAt: gmtDate(raw, 'date_created_gmt'),
    // A customer never edited may have no modification date; its creation stands in.
    updatedAt: gmtDate(raw, 'date_modified_gmt') ?? gmtDate(raw, 'date_created_gmt', true),
  };
}
