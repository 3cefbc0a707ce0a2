import { iso, type Json, type ShopData } from './shop';

/**
 * metafieldsSet and metafieldsDelete on products, as the Admin API documents
 * them: metafieldsSet is atomic (one invalid input and nothing is saved) and
 * answers userErrors with the input's path; a list.product_reference value is
 * a JSON array of product GIDs that must exist; metafieldsDelete answers null
 * for a metafield that was not there. Each product keeps its metafields in
 * `metafields` so a test can read back what was set.
 */
export interface StoredMetafield extends Json {
  id: string; namespace: string; key: string; type: string; value: string; updatedAt: string;
}

const error = (index: number, field: string, message: string, code: string): Json =>
  ({ field: ['metafields', String(index), field], message, code });

function productOf(data: ShopData, id: unknown) {
  return data.products.find((p) => p.id === id);
}

function valueErrors(data: ShopData, input: Json, index: number): Json[] {
  if (input.type !== 'list.product_reference') return [];
  let ids: unknown;
  try { ids = JSON.parse(String(input.value)); } catch { return [error(index, 'value', 'Value is invalid JSON.', 'INVALID_VALUE')]; }
  if (!Array.isArray(ids)) return [error(index, 'value', 'Value must be an array.', 'INVALID_VALUE')];
  if (ids.length === 0) return [error(index, 'value', "Value can't be blank.", 'BLANK')];
  const missing = ids.find((id) => typeof id !== 'string' || !productOf(data, id));
  return missing === undefined ? [] : [error(index, 'value', `Value references non-existent resource ${String(missing)}.`, 'INVALID_VALUE')];
}

export function metafieldsSet(data: ShopData, inputs: Json[], now: Date): Json {
  const userErrors: Json[] = [];
  inputs.forEach((input, index) => {
    if (!productOf(data, input.ownerId)) userErrors.push(error(index, 'ownerId', 'Owner does not exist.', 'INVALID'));
    else if (typeof input.key !== 'string' || input.key.length < 2 || input.key.length > 64) {
      userErrors.push(error(index, 'key', 'Key is too short or too long.', 'INVALID'));
    } else if (typeof input.type !== 'string' || input.type === '') {
      userErrors.push(error(index, 'type', "Type can't be blank.", 'BLANK'));
    } else userErrors.push(...valueErrors(data, input, index));
  });
  if (userErrors.length > 0) return { metafields: [], userErrors };
  const saved = inputs.map((input) => {
    const product = productOf(data, input.ownerId)!;
    const list = (product.metafields ??= []) as StoredMetafield[];
    const namespace = typeof input.namespace === 'string' ? input.namespace : 'app--backroom';
    let field = list.find((m) => m.namespace === namespace && m.key === input.key);
    if (!field) {
      field = { id: `gid://shopify/Metafield/${data.nextId++}`, namespace, key: String(input.key), type: String(input.type), value: '', updatedAt: '' };
      list.push(field);
    }
    Object.assign(field, { type: String(input.type), value: String(input.value), updatedAt: iso(now.getTime()) });
    return field;
  });
  return { metafields: saved, userErrors: [] };
}

export function metafieldsDelete(data: ShopData, identifiers: Json[]): Json {
  const deletedMetafields = identifiers.map((identifier) => {
    const list = (productOf(data, identifier.ownerId)?.metafields ?? []) as StoredMetafield[];
    const at = list.findIndex((m) => m.namespace === identifier.namespace && m.key === identifier.key);
    if (at < 0) return null;
    list.splice(at, 1);
    return { ownerId: identifier.ownerId, namespace: identifier.namespace, key: identifier.key };
  });
  return { deletedMetafields, userErrors: [] };
}

/** A product's metafield value as stored, parsed (a test's read-back). */
export function metafieldValue(data: ShopData, productId: string, namespace: string, key: string): unknown {
  const list = (productOf(data, productId)?.metafields ?? []) as StoredMetafield[];
  const field = list.find((m) => m.namespace === namespace && m.key === key);
  return field ? JSON.parse(field.value) : undefined;
}
