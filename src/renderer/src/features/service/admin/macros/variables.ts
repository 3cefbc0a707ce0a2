import { MACRO_VARIABLES } from '../../../../../../shared/contract';

/**
 * The `{{variables}}` a macro body uses, each marked known or not, in the
 * order they first appear. The core renders and warns again when the macro is
 * applied; this is the check while typing, before anything is saved.
 */
export interface UsedVariable {
  name: string;
  known: boolean;
}

const VARIABLE = /\{\{\s*([^{}]*?)\s*\}\}/g;
const KNOWN = new Set<string>(MACRO_VARIABLES);

export function variablesIn(body: string): UsedVariable[] {
  const seen = new Map<string, UsedVariable>();
  for (const match of body.matchAll(VARIABLE)) {
    const name = match[1] ?? '';
    if (!seen.has(name)) seen.set(name, { name, known: KNOWN.has(name) });
  }
  return [...seen.values()];
}

/** The body with `{{name}}` put where the selection was; returns the caret position after it too. */
export function insertVariable(body: string, name: string, start: number, end: number): { body: string; caret: number } {
  const token = `{{${name}}}`;
  return { body: body.slice(0, start) + token + body.slice(end), caret: start + token.length };
}
