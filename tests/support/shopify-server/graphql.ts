/**
 * Just enough GraphQL for the fake Shopify: a tokenizer and a parser that turn
 * one operation into a tree of fields with resolved arguments. Enough to read
 * what the connector asked for (which root field, which arguments, which
 * sub-fields) and to price it as Shopify does; not a general GraphQL server.
 */
export interface Field {
  name: string;
  args: Record<string, unknown>;
  selection: Field[];
}

export interface Operation {
  kind: 'query' | 'mutation';
  fields: Field[];
}

type Token = { type: 'punct' | 'name' | 'string' | 'number' | 'variable'; value: string };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (/[\s,]/.test(c)) { i++; continue; }
    if (c === '#') { while (i < source.length && source[i] !== '\n') i++; continue; }
    if ('{}():[]!=@'.includes(c)) { tokens.push({ type: 'punct', value: c }); i++; continue; }
    if (c === '.' && source.startsWith('...', i)) { tokens.push({ type: 'punct', value: '...' }); i += 3; continue; }
    if (c === '"') {
      if (source.startsWith('"""', i)) {
        const end = source.indexOf('"""', i + 3);
        tokens.push({ type: 'string', value: source.slice(i + 3, end) });
        i = end + 3;
        continue;
      }
      let j = i + 1;
      let text = '';
      while (source[j] !== '"') {
        if (source[j] === '\\') { text += JSON.parse(`"${source.slice(j, j + 2)}"`) as string; j += 2; } else text += source[j++];
      }
      tokens.push({ type: 'string', value: text });
      i = j + 1;
      continue;
    }
    if (c === '$') {
      const m = /^\$([_A-Za-z][_0-9A-Za-z]*)/.exec(source.slice(i))!;
      tokens.push({ type: 'variable', value: m[1]! });
      i += m[0].length;
      continue;
    }
    const num = /^-?\d+(\.\d+)?/.exec(source.slice(i));
    if (num) { tokens.push({ type: 'number', value: num[0] }); i += num[0].length; continue; }
    const name = /^[_A-Za-z][_0-9A-Za-z]*/.exec(source.slice(i));
    if (!name) throw new Error(`Unexpected character "${c}" in the query.`);
    tokens.push({ type: 'name', value: name[0] });
    i += name[0].length;
  }
  return tokens;
}

export function parseOperation(source: string, variables: Record<string, unknown>): Operation {
  const tokens = tokenize(source);
  let at = 0;
  const peek = (): Token | undefined => tokens[at];
  const take = (): Token => {
    const token = tokens[at++];
    if (!token) throw new Error('The query ended early.');
    return token;
  };
  const expect = (value: string): void => {
    const token = take();
    if (token.value !== value) throw new Error(`Expected "${value}" but found "${token.value}".`);
  };

  const value = (): unknown => {
    const token = take();
    if (token.type === 'variable') return variables[token.value] ?? null;
    if (token.type === 'string') return token.value;
    if (token.type === 'number') return Number(token.value);
    if (token.value === '[') {
      const list: unknown[] = [];
      while (peek()?.value !== ']') list.push(value());
      take();
      return list;
    }
    if (token.value === '{') {
      const object: Record<string, unknown> = {};
      while (peek()?.value !== '}') { const key = take().value; expect(':'); object[key] = value(); }
      take();
      return object;
    }
    if (token.value === 'true' || token.value === 'false') return token.value === 'true';
    if (token.value === 'null') return null;
    return token.value; // an enum value such as UPDATED_AT
  };

  const selectionSet = (): Field[] => {
    expect('{');
    const fields: Field[] = [];
    while (peek()?.value !== '}') {
      let name = take().value;
      if (peek()?.value === ':') { take(); name = take().value; } // an alias: the fake answers under the field's name
      const args: Record<string, unknown> = {};
      if (peek()?.value === '(') {
        take();
        while (peek()?.value !== ')') { const key = take().value; expect(':'); args[key] = value(); }
        take();
      }
      let included = true;
      while (peek()?.value === '@') { // @include(if: …) / @skip(if: …)
        take();
        const directive = take().value;
        expect('(');
        take();
        expect(':');
        const condition = value() === true;
        expect(')');
        if ((directive === 'include' && !condition) || (directive === 'skip' && condition)) included = false;
      }
      const selection = peek()?.value === '{' ? selectionSet() : [];
      if (included) fields.push({ name, args, selection });
    }
    take();
    return fields;
  };

  let kind: Operation['kind'] = 'query';
  if (peek()?.type === 'name') {
    kind = take().value === 'mutation' ? 'mutation' : 'query';
    if (peek()?.type === 'name') take();
    if (peek()?.value === '(') { // variable definitions: skipped, values come from `variables`
      let depth = 0;
      do { const t = take().value; if (t === '(') depth++; if (t === ')') depth--; } while (depth > 0);
    }
  }
  return { kind, fields: selectionSet() };
}

/**
 * Shopify's documented pricing: scalars and enums 0, an object 1, a connection
 * 2 plus its `first` times the cost of one item, a mutation 10. With `value`,
 * connections count the items actually returned (the actualQueryCost).
 */
export function costOf(fields: readonly Field[], value?: unknown): number {
  let total = 0;
  for (const field of fields) {
    if (field.selection.length === 0) continue;
    const own = value && typeof value === 'object' ? (value as Record<string, unknown>)[field.name] : undefined;
    if (typeof field.args.first === 'number') {
      const items = connectionItems(own);
      const count = value === undefined ? field.args.first : items.length;
      const perItem = itemCost(field.selection, value === undefined ? undefined : items);
      total += 2 + (value === undefined ? count * perItem : perItem);
    } else if (value === undefined || own !== null) {
      total += 1 + costOf(field.selection, own);
    }
  }
  return total;
}

function connectionItems(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (value && typeof value === 'object') {
    const v = value as { edges?: { node: unknown }[]; nodes?: unknown[] };
    return v.nodes ?? v.edges?.map((e) => e.node) ?? [];
  }
  return [];
}

/** One item's cost; with `items`, the sum over the items returned. */
function itemCost(selection: readonly Field[], items?: unknown[]): number {
  const node = selection.find((f) => f.name === 'edges')?.selection.find((f) => f.name === 'node')
    ?? selection.find((f) => f.name === 'nodes');
  const fields = node ? node.selection : selection.filter((f) => f.name !== 'pageInfo');
  if (!items) return 1 + costOf(fields);
  return items.reduce<number>((sum, item) => sum + 1 + costOf(fields, item), 0);
}
