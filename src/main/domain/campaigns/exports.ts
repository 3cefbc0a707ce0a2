import type { CampaignCouponsExport, PriceListExport } from '../../../shared/contract';
import { csvText } from '../../../shared/csvWrite';
import type { Sqlite } from '../../db/connection';
import { customerName } from '../orders/list';
import { decimalMajor } from '../orders/money-text';
import { loadCampaign } from './load';

/** A campaign's coupon codes and its member price list as CSV (the contract carries the text; the UI saves it). */
const fileSlug = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'campaign';

interface CouponExportRow {
  code: string;
  customerId: number;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  kind: string;
  valueMinor: number | null;
  percent: number | null;
  currency: string | null;
  expiresAt: string | null;
  status: string;
}

function couponValue(row: CouponExportRow): string | null {
  if (row.kind === 'fixed_amount' && row.valueMinor !== null) return decimalMajor(row.valueMinor, row.currency ?? 'USD');
  if (row.kind === 'percent' && row.percent !== null) return `${row.percent}%`;
  return null;
}

export function exportCampaignCoupons(sqlite: Sqlite, id: number, now: Date): CampaignCouponsExport {
  const campaign = loadCampaign(sqlite, id, now);
  const rows = sqlite.prepare(
    `SELECT k.code, k.customer_id AS customerId, c.first_name AS firstName, c.last_name AS lastName, c.email, k.kind,
       k.value_minor AS valueMinor, k.percent, k.currency, k.expires_at AS expiresAt, k.status
     FROM campaign_coupons k JOIN customers c ON c.id = k.customer_id WHERE k.campaign_id = ? ORDER BY k.id`,
  ).all(id) as CouponExportRow[];
  const csv = csvText(
    ['code', 'customer_id', 'customer', 'email', 'kind', 'value', 'currency', 'expires_at', 'status'],
    rows.map((r) => [r.code, r.customerId, customerName(r.firstName, r.lastName), r.email, r.kind, couponValue(r), r.currency,
      r.expiresAt, r.status]),
  );
  return { filename: `${fileSlug(campaign.name)}-coupons.csv`, csv, rows: rows.length };
}

interface PriceExportRow {
  sku: string | null;
  title: string;
  regularMinor: number;
  memberMinor: number;
  currency: string;
}

/**
 * Column names are WooCommerce's product CSV importer's (SKU, Name, Regular
 * price, Sale price: it maps them without a mapping step, matching products
 * by SKU). Shopify's importer names the same columns Variant SKU, Variant
 * Compare At Price and Variant Price; one header cannot serve both, and the
 * WooCommerce names read plainly in a spreadsheet too.
 */
export function exportCampaignPrices(sqlite: Sqlite, id: number, now: Date): PriceListExport {
  const campaign = loadCampaign(sqlite, id, now);
  const mechanic = campaign.mechanics.find((m) => m.kind === 'priceList');
  // Before launch the list lives in the draft's mechanic; launch copies it to campaign_prices.
  const rows = sqlite.prepare(
    `SELECT p.sku, p.title, p.price_minor AS regularMinor, coalesce(cp.price_minor, d.price) AS memberMinor, p.currency
       FROM products p
       LEFT JOIN campaign_prices cp ON cp.campaign_id = ? AND cp.product_id = p.id
       LEFT JOIN (SELECT json_extract(value, '$.productId') AS productId, json_extract(value, '$.priceMinor') AS price
                    FROM json_each(?)) d ON d.productId = p.id
      WHERE cp.product_id IS NOT NULL OR d.productId IS NOT NULL
      ORDER BY p.sku, p.id`,
  ).all(id, JSON.stringify(mechanic?.kind === 'priceList' ? mechanic.prices : [])) as PriceExportRow[];
  const csv = csvText(
    ['SKU', 'Name', 'Regular price', 'Sale price', 'Currency'],
    rows.map((r) => [r.sku, r.title, decimalMajor(r.regularMinor, r.currency), decimalMajor(r.memberMinor, r.currency), r.currency]),
  );
  return { filename: `${fileSlug(campaign.name)}-member-prices.csv`, csv, rows: rows.length };
}
