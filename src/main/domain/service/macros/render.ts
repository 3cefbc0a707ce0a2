import type { ParsedInputOf } from '../../../../shared/contract';
import { MACRO_VARIABLES, type ContentLanguage, type MacroApplied } from '../../../../shared/contract/macros';
import { AppError } from '../../../../shared/errors';
import type { Sqlite } from '../../../db/connection';
import { getMacro } from './store';
import { variableValues, type MacroVariable } from './variables';

/**
 * `macros.apply`: the text the customer would read. `{{ name }}` placeholders
 * that are variables are filled in; those without a value for this ticket
 * become empty and are listed, so staff see the gap before sending; anything
 * else is left as typed and listed as unknown.
 */
export const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const KNOWN = new Set<string>(MACRO_VARIABLES);

export function placeholdersIn(body: string): string[] {
  return [...new Set([...body.matchAll(PLACEHOLDER)].map((m) => m[1] ?? ''))];
}

export function localeOf(language: ContentLanguage): string {
  return language === 'zh-CN' ? 'zh-CN' : 'en';
}

/** Text typed by hand has no language of its own: Chinese characters say it is Chinese. */
function guessLanguage(body: string): ContentLanguage {
  return /[\u4e00-\u9fff]/.test(body) ? 'zh-CN' : 'en';
}

export function applyMacro(sqlite: Sqlite, input: ParsedInputOf<'macros.apply'>, now: Date): MacroApplied {
  const macro = input.macroId === undefined ? null : getMacro(sqlite, input.macroId);
  const body = input.body ?? macro?.body ?? '';
  const ticket = sqlite
    .prepare<[number], { id: number; customerId: number | null; orderId: number | null; assigneeName: string | null }>(
      `SELECT t.id, t.customer_id AS customerId, t.order_id AS orderId, a.name AS assigneeName
         FROM tickets t LEFT JOIN staff a ON a.id = t.assignee_id WHERE t.id = ?`,
    )
    .get(input.ticketId);
  if (!ticket) throw new AppError('NOT_FOUND', `There is no ticket #${input.ticketId}.`);
  const staffName = input.staffId === undefined ? null : sqlite
    .prepare<[number], string>('SELECT name FROM staff WHERE id = ?').pluck().get(input.staffId) ?? null;

  const names = placeholdersIn(body);
  const used = names.filter((name): name is MacroVariable => KNOWN.has(name));
  const unknownVariables = names.filter((name) => !KNOWN.has(name));
  const language = macro?.language ?? guessLanguage(body);
  const values = variableValues({ sqlite, ticket, staffName, locale: localeOf(language), now }, used);
  const emptyVariables = used.filter((name) => !values[name]);
  const rendered = body.replace(PLACEHOLDER, (whole, name: string) => (KNOWN.has(name) ? values[name as MacroVariable] ?? '' : whole));
  return { body: rendered, unknownVariables, emptyVariables, actions: macro?.actions ?? {} };
}
