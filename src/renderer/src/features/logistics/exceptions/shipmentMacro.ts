import { MACRO_VARIABLES } from '../../../../../shared/contract';

/**
 * A macro rendered for a shipment that has no ticket yet (macros.apply needs
 * a ticket). Same placeholder rules as the core's renderer: `{{ name }}` of a
 * known variable is filled in, or left empty and listed; anything else stays
 * as typed and is listed as unknown. The values come from the shipment itself
 * (this parcel's carrier and link, not the order's latest).
 */
export type MacroVariable = (typeof MACRO_VARIABLES)[number];
export type MacroValues = Partial<Record<MacroVariable, string | null>>;

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const KNOWN = new Set<string>(MACRO_VARIABLES);

export interface RenderedMessage {
  body: string;
  unknownVariables: string[];
  emptyVariables: string[];
}

export function renderShipmentMacro(body: string, values: MacroValues): RenderedMessage {
  const names = [...new Set([...body.matchAll(PLACEHOLDER)].map((m) => m[1] ?? ''))];
  const unknownVariables = names.filter((name) => !KNOWN.has(name));
  const emptyVariables = names.filter((name) => KNOWN.has(name) && !values[name as MacroVariable]);
  const rendered = body.replace(PLACEHOLDER, (whole, name: string) =>
    KNOWN.has(name) ? values[name as MacroVariable] ?? '' : whole,
  );
  return { body: rendered, unknownVariables, emptyVariables };
}
