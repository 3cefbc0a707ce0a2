import type { StoreSettings } from './context';
import { Random, STREAM, WeightedPicker } from './random';
import { DAY, isoAt } from './time';

export interface DemoProduct {
  id: number;
  title: string;
  sku: string;
  category: string;
  /** Price in minor units. */
  priceMinor: number;
}

interface CategoryRecipe {
  category: string;
  code: string;
  brands: readonly string[];
  items: readonly string[];
  variants: readonly string[];
  /** Price range in whole dollars. */
  price: readonly [number, number];
  /** Share of the catalogue. */
  weight: number;
}

const SCENTS = ['Cedar & Sage', 'Wild Fig', 'Sea Salt', 'Lavender Field', 'Black Tea', 'Citrus Grove',
  'Amber Smoke', 'Rose Garden', 'Vanilla Bean', 'Eucalyptus', 'Pine Needle', 'Maple Syrup'];
const COLOURS = ['Oat', 'Charcoal', 'Sage', 'Terracotta', 'Ink Blue', 'Moss', 'Sand', 'Rust'];
const BLENDS = ['Earl Grey', 'Sencha', 'Rooibos', 'Breakfast', 'Mint', 'Hibiscus', 'Oolong', 'Chai'];

const RECIPES: readonly CategoryRecipe[] = [
  { category: 'Skincare', code: 'SKN', brands: ['Maple & Moss', 'Fernleaf', 'Tidewater Botanics'],
    items: ['Face Serum', 'Night Cream', 'Cleansing Balm', 'Lip Salve', 'Hand Cream', 'Clay Mask'],
    variants: SCENTS, price: [14, 48], weight: 20 },
  { category: 'Candles', code: 'CAN', brands: ['Maple & Moss', 'Emberlight'],
    items: ['Soy Candle', 'Travel Tin Candle', 'Wax Melts', 'Reed Diffuser'],
    variants: SCENTS, price: [12, 42], weight: 20 },
  { category: 'Tea & Coffee', code: 'TEA', brands: ['Little Kettle', 'Northroast'],
    items: ['Loose Leaf Tin', 'Tea Sampler', 'Cold Brew Pack', 'Whole Bean Coffee'],
    variants: BLENDS, price: [9, 32], weight: 15 },
  { category: 'Ceramics', code: 'CER', brands: ['Kiln & Co'],
    items: ['Stoneware Mug', 'Pour-Over Set', 'Serving Bowl', 'Bud Vase', 'Dinner Plate'],
    variants: COLOURS, price: [18, 85], weight: 12 },
  { category: 'Textiles', code: 'TEX', brands: ['Loomhouse'],
    items: ['Linen Tea Towel', 'Wool Throw', 'Cotton Tote', 'Table Runner', 'Apron'],
    variants: COLOURS, price: [15, 140], weight: 12 },
  { category: 'Stationery', code: 'STA', brands: ['Paper Fox'],
    items: ['Dot Grid Notebook', 'Weekly Planner', 'Greeting Card Set', 'Brass Pen'],
    variants: COLOURS, price: [6, 38], weight: 10 },
  { category: 'Jewelry', code: 'JWL', brands: ['Silver Birch'],
    items: ['Stacking Ring', 'Pendant Necklace', 'Hoop Earrings', 'Charm Bracelet'],
    variants: ['Sterling Silver', 'Gold Vermeil', 'Rose Gold'], price: [28, 120], weight: 6 },
  { category: 'Gift Sets', code: 'GFT', brands: ['Maple & Moss'],
    items: ['Self-Care Box', 'Tea Lover Box', 'Cozy Night Kit', 'Thank You Box'],
    variants: ['Classic', 'Deluxe', 'Holiday'], price: [45, 110], weight: 5 },
];

const CENT_ENDINGS = [0, 0, 50, 95, 99];

export interface Catalogue {
  products: DemoProduct[];
  /** Draws products with a Zipf-like popularity: a few best sellers, a long tail, drafts never sold. */
  popular: WeightedPicker<DemoProduct>;
  /** Rows for the products table, in its column order (see columns.ts). */
  rows: unknown[][];
}

/**
 * The store's catalogue, from its own random stream: every thread that writes
 * orders builds the same one in memory; only the main thread inserts the rows.
 */
export function buildCatalogue(store: StoreSettings): Catalogue {
  const rng = Random.stream(store.seed, STREAM.catalogue, 0);
  const recipePicker = new WeightedPicker(RECIPES, RECIPES.map((r) => r.weight));
  const products: DemoProduct[] = [];
  const sellable: DemoProduct[] = [];
  const rows: unknown[][] = [];
  const catalogueSince = store.startMs - 120 * DAY;
  for (let i = 0; i < store.productCount; i++) {
    const recipe = recipePicker.pick(rng);
    const title = `${rng.pick(recipe.variants)} ${rng.pick(recipe.items)}`;
    const priceMinor = rng.int(recipe.price[0], recipe.price[1]) * 100 + rng.pick(CENT_ENDINGS);
    const id = store.productBase + i + 1;
    const sku = `MM-${recipe.code}-${String(i + 1).padStart(4, '0')}`;
    const product: DemoProduct = { id, title, sku, category: recipe.category, priceMinor };
    const roll = rng.next();
    const status = roll < 0.03 ? 'draft' : roll < 0.09 ? 'archived' : 'active';
    // Every product exists before the first order; some were edited since.
    const createdMs = catalogueSince + rng.int(0, 110) * DAY;
    const updatedMs = Math.min(store.nowMs, createdMs + rng.int(0, 400) * DAY);
    rows.push([
      id, 7_100_000_000 + id, title, sku, recipe.category, rng.pick(recipe.brands),
      JSON.stringify([recipe.category.toLowerCase()]), priceMinor, status === 'active' ? rng.int(0, 240) : 0,
      status, isoAt(createdMs), isoAt(updatedMs),
    ]);
    products.push(product);
    if (status !== 'draft') sellable.push(product);
  }
  // Zipf weights by catalogue position; categories were drawn at random, so best sellers span them.
  const weights = sellable.map((_, rank) => 1 / Math.pow(rank + 1, 0.9));
  return { products, popular: new WeightedPicker(sellable, weights), rows };
}
