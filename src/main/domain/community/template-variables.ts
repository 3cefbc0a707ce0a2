import { MACRO_VARIABLES } from '../../../shared/contract/macros';
import type { Sqlite } from '../../db/connection';
import { localeOf, placeholdersIn, PLACEHOLDER } from '../service/macros/render';
import { variableValues, type MacroVariable } from '../service/macros/variables';

/**
 * Message templates speak the macros' language: the same {{ variable }}
 * placeholders, parsed and filled by the service desk's own code. A template
 * is sent to a customer, not in reply to a ticket, so the order variables
 * describe the customer's latest order, and the ticket's and the replying
 * staff member's variables have no value (they are listed as missing).
 */
const KNOWN = new Set<string>(MACRO_VARIABLES);

export function unknownVariables(...bodies: string[]): string[] {
  return [...new Set(bodies.flatMap(placeholdersIn))].filter((name) => !KNOWN.has(name));
}

export interface FilledTemplate { text: string; missing: string[]; unknown: string[] }

export function fillForCustomer(sqlite: Sqlite, body: string, customerId: number, language: 'en' | 'zh-CN', now: Date): FilledTemplate {
  const names = placeholdersIn(body);
  // The ticket's variables are never loaded: there is no ticket, so they stay without a value.
  const used = names.filter((name): name is MacroVariable => KNOWN.has(name));
  const latestOrderId = used.some((name) => name.startsWith('order.'))
    ? (sqlite.prepare<[number], number>(
        'SELECT id FROM orders WHERE customer_id = ? ORDER BY placed_at DESC, id DESC LIMIT 1',
      ).pluck().get(customerId) ?? null)
    : null;
  const values = variableValues(
    { sqlite, ticket: { id: 0, customerId, orderId: latestOrderId, assigneeName: null }, staffName: null, locale: localeOf(language), now },
    used.filter((name) => !name.startsWith('ticket.')),
  );
  const missing = used.filter((name) => !values[name]);
  const text = body.replace(PLACEHOLDER, (whole, name: string) => (KNOWN.has(name) ? values[name as MacroVariable] ?? '' : whole));
  return { text, missing, unknown: names.filter((name) => !KNOWN.has(name)) };
}
