import { MODEL_FORMAT, newCache, type ModelArrays, type ModelFacts, type RecsModel } from './model';

/**
 * Binary layout: "BRRM" magic, a uint32 header length, a JSON header (format,
 * facts, each array's name, type and length), then the arrays' bytes in that
 * order. Typed arrays are copied out on load, so a Buffer slice at any
 * alignment reads back exactly.
 */
const MAGIC = 'BRRM';

const ARRAY_TYPES = {
  Int32Array, Uint32Array, Float32Array, Float64Array,
} as const;
type ArrayTypeName = keyof typeof ARRAY_TYPES;

const ARRAY_NAMES: readonly (keyof ModelArrays)[] = [
  'productIds', 'itemWeight', 'itemCount', 'trendCum', 'nbrOffsets', 'nbrIndex', 'nbrWeight', 'nbrCount',
];

interface Header {
  format: number;
  facts: ModelFacts;
  arrays: { name: keyof ModelArrays; type: ArrayTypeName; length: number }[];
}

export function serializeModel(model: RecsModel): Buffer {
  const header: Header = {
    format: model.format,
    facts: model.facts,
    arrays: ARRAY_NAMES.map((name) => {
      const array = model.arrays[name];
      return { name, type: array.constructor.name as ArrayTypeName, length: array.length };
    }),
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const prefix = Buffer.alloc(8);
  prefix.write(MAGIC, 0, 'ascii');
  prefix.writeUInt32LE(headerBytes.length, 4);
  const parts: Uint8Array[] = [prefix, headerBytes];
  for (const name of ARRAY_NAMES) {
    const array = model.arrays[name];
    parts.push(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
  }
  return Buffer.concat(parts);
}

export function deserializeModel(buffer: Buffer): RecsModel {
  if (buffer.length < 8 || buffer.toString('ascii', 0, 4) !== MAGIC) {
    throw new Error('This is not a saved recommendation model.');
  }
  const headerLength = buffer.readUInt32LE(4);
  const header = JSON.parse(buffer.toString('utf8', 8, 8 + headerLength)) as Header;
  if (header.format !== MODEL_FORMAT) {
    throw new Error(`This recommendation model was saved in format ${header.format}; train it again.`);
  }
  let at = 8 + headerLength;
  const arrays: Partial<Record<keyof ModelArrays, ModelArrays[keyof ModelArrays]>> = {};
  for (const entry of header.arrays) {
    const Type = ARRAY_TYPES[entry.type];
    if (!Type) throw new Error('The saved recommendation model is damaged; train it again.');
    const bytes = entry.length * Type.BYTES_PER_ELEMENT;
    if (at + bytes > buffer.length) throw new Error('The saved recommendation model is incomplete; train it again.');
    const copy = new Uint8Array(bytes);
    copy.set(buffer.subarray(at, at + bytes));
    arrays[entry.name] = new Type(copy.buffer) as ModelArrays[keyof ModelArrays];
    at += bytes;
  }
  for (const name of ARRAY_NAMES) {
    if (!arrays[name]) throw new Error('The saved recommendation model is incomplete; train it again.');
  }
  const complete = arrays as ModelArrays;
  return { format: MODEL_FORMAT, facts: header.facts, arrays: complete, cache: newCache(complete.productIds) };
}
