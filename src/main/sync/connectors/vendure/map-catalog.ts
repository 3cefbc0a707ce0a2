import type { RemoteCustomer, RemoteProduct } from '../../model';
import { isObject, latestChange, list, MappingError, money, requireId, text, time, type Json } from './fields';

/**
 * Vendure products and customers mapped to the sync model.
 *
 * A product is Backroom's product with its first variant's SKU and price
 * (with tax, as the orders' prices are) and the stock of all its variants.
 * Vendure has no product type or vendor: its sample catalogue (and most shops)
 * put them in facets, so the `category` and `brand` facets fill those, and
 * every other facet value becomes a tag.
 */
export function mapProduct(raw: unknown, shopCurrency: string): RemoteProduct {
  if (!isObject(raw)) throw new MappingError('The product is not an object.');
  const externalId = requireId(raw, 'product');
  const title = text(raw, 'name');
  if (title === null) throw new MappingError('The product has no name.');
  const variants = list(raw, 'variants');
  const first = variants.find((variant) => variant.enabled !== false) ?? variants[0];
  const facets = list(raw, 'facetValues').map((value) => ({
    code: isObject(value.facet) ? text(value.facet, 'code') : null, name: text(value, 'name'),
  })).filter((value): value is { code: string | null; name: string } => value.name !== null);
  const stocks = variants.map((variant) => variant.stockOnHand).filter((stock): stock is number => typeof stock === 'number' && Number.isInteger(stock));
  return {
    externalId, title,
    sku: first ? text(first, 'sku') : null,
    category: facets.find((facet) => facet.code === 'category')?.name ?? null,
    brand: facets.find((facet) => facet.code === 'brand')?.name ?? null,
    tags: facets.filter((facet) => facet.code !== 'category' && facet.code !== 'brand').map((facet) => facet.name),
    priceMinor: first ? money(first, 'priceWithTax', 'product variant') : 0,
    currency: (first ? text(first, 'currencyCode') : null) ?? shopCurrency,
    inventoryQuantity: stocks.length > 0 ? stocks.reduce((sum, stock) => sum + stock, 0) : null,
    status: raw.enabled === false ? 'draft' : 'active',
    createdAt: time(raw, 'createdAt', 'product'),
    // A variant's new price or SKU leaves the product's updatedAt as it was.
    updatedAt: latestChange(raw, 'product'),
  };
}

/** The address a customer ships to: the default shipping one, else the default billing one, else the first. */
function mainAddress(addresses: Json[]): Json | null {
  return addresses.find((a) => a.defaultShippingAddress === true) ?? addresses.find((a) => a.defaultBillingAddress === true) ?? addresses[0] ?? null;
}

export function mapCustomer(raw: unknown): RemoteCustomer {
  if (!isObject(raw)) throw new MappingError('The customer is not an object.');
  const externalId = requireId(raw, 'customer');
  const email = text(raw, 'emailAddress');
  if (email !== null && !email.includes('@')) throw new MappingError(`The customer's email ${JSON.stringify(email)} is not an address.`);
  const address = mainAddress(list(raw, 'addresses'));
  const country = address && isObject(address.country) ? text(address.country, 'code') : null;
  return {
    externalId, email,
    phone: text(raw, 'phoneNumber') ?? (address ? text(address, 'phoneNumber') : null),
    firstName: text(raw, 'firstName'), lastName: text(raw, 'lastName'),
    country: country ? country.toUpperCase() : null,
    region: address ? text(address, 'province') : null,
    city: address ? text(address, 'city') : null,
    // Vendure core keeps no marketing consent (a plugin's custom field would); none is assumed.
    marketingConsent: false,
    tags: [],
    createdAt: time(raw, 'createdAt', 'customer'),
    // An edited address leaves the customer's updatedAt as it was.
    updatedAt: latestChange(raw, 'customer'),
  };
}
