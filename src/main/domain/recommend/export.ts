import type { RecsExport } from '../../../shared/contract/recs';
import type { HandlerContext } from '../../core/handler';
import { csvLine, type CsvCell } from '../../../shared/csvWrite';
import { readRecsConfig } from './config';
import { productLists } from './lists';
import { recsRuntimeFor } from './runtime';

/**
 * recs.export: every product's lists as CSV, for a platform Backroom does not
 * publish to. One row per recommended product; `kind` is related or
 * complementary (frequently bought together); position starts at 1.
 */
const HEADER = [
  'product_id', 'product_sku', 'product_title', 'kind', 'position',
  'recommended_id', 'recommended_sku', 'recommended_title', 'score',
];

export function exportLists(ctx: HandlerContext, kind: 'related' | 'complementary' | 'both'): RecsExport {
  const runtime = recsRuntimeFor(ctx);
  const { lists, catalog } = productLists(runtime, readRecsConfig(ctx.sqlite).config);
  const kinds = kind === 'both' ? (['related', 'complementary'] as const) : ([kind] as const);
  const lines = [csvLine(HEADER)];
  for (const list of lists) {
    const product = catalog.info.get(list.productId)!;
    for (const listKind of kinds) {
      list[listKind].forEach((item, index) => {
        const recommended = catalog.info.get(item.productId);
        const cells: CsvCell[] = [
          product.id, product.sku, product.title, listKind, index + 1,
          item.productId, recommended?.sku ?? null, recommended?.title ?? null, Number(item.score.toFixed(6)),
        ];
        lines.push(csvLine(cells));
      });
    }
  }
  const day = ctx.now().toISOString().slice(0, 10);
  return { filename: `recommendations-${kind}-${day}.csv`, csv: lines.join(''), rows: lines.length - 1 };
}
