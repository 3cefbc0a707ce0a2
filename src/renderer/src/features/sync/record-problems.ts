import type { MessageKey, Translate } from '../../i18n';

/**
 * Why the core set a synced record aside (sync/apply/validate.ts and the
 * apply's refusals), said again in the UI language: each sentence is
 * recognised by its English wording, and so is the field it names ("Line 2
 * (Blue mug)'s unit price"). The values (ids, amounts, what the platform
 * sent) stay as they came. null for a sentence, or a field, no rule knows:
 * the caller shows the core's sentence as it is.
 */
const LABELS: Record<string, MessageKey> = {
  'The order date': 'sync.rec.label.orderDate',
  'The last-updated date': 'sync.rec.label.updatedDate',
  'The cancellation date': 'sync.rec.label.cancelledDate',
  'The creation date': 'sync.rec.label.createdDate',
  'The order status': 'sync.rec.label.orderStatus',
  'The payment status': 'sync.rec.label.paymentStatus',
  'The fulfilment status': 'sync.rec.label.fulfilmentStatus',
  'The status': 'sync.rec.label.status',
  'The currency': 'sync.rec.label.currency',
  'The subtotal': 'sync.rec.label.subtotal',
  'The discount': 'sync.rec.label.discount',
  'The shipping': 'sync.rec.label.shipping',
  'The tax': 'sync.rec.label.tax',
  'The total': 'sync.rec.label.total',
  'The refunded amount': 'sync.rec.label.refunded',
  'The price': 'sync.rec.label.price',
  'The product': 'sync.rec.label.product',
  'The customer': 'sync.rec.label.customer',
  'The order': 'sync.rec.label.order',
};

const PARTS: Record<string, MessageKey> = {
  'unit price': 'sync.rec.part.unitPrice',
  discount: 'sync.rec.part.discount',
  total: 'sync.rec.part.total',
  kind: 'sync.rec.part.kind',
  status: 'sync.rec.part.status',
  amount: 'sync.rec.part.amount',
  currency: 'sync.rec.part.currency',
  'processing date': 'sync.rec.part.processingDate',
  date: 'sync.rec.part.date',
  'shipping date': 'sync.rec.part.shippingDate',
  'estimated delivery date': 'sync.rec.part.estimatedDate',
  'delivery date': 'sync.rec.part.deliveryDate',
  'last-updated date': 'sync.rec.part.updatedDate',
};

const OWNERS: Record<string, MessageKey> = {
  Line: 'sync.rec.label.line', Payment: 'sync.rec.label.payment', Refund: 'sync.rec.label.refund', Shipment: 'sync.rec.label.shipment',
};

const OWNER = /^(?<owner>Line|Payment|Refund|Shipment) (?<n>\d+)(?: \((?<title>.*)\))?$/s;

function owner(t: Translate, text: string): string | null {
  const match = OWNER.exec(text);
  if (!match?.groups) return null;
  const { owner: kind, n, title } = match.groups as { owner: string; n: string; title?: string };
  if (title !== undefined) return kind === 'Line' ? t('sync.rec.label.lineTitled', { n, title }) : null;
  return t(OWNERS[kind]!, { n });
}

/** A field as validate.ts names it, in the UI language; null when it is not one it names. */
function label(t: Translate, text: string): string | null {
  const simple = LABELS[text];
  if (simple) return t(simple);
  const part = /^(?<whole>.+)'s (?<part>[a-z -]+)$/s.exec(text);
  if (part?.groups) {
    const ownerText = owner(t, part.groups.whole!);
    const partKey = PARTS[part.groups.part!];
    return ownerText !== null && partKey ? t('sync.rec.part', { owner: ownerText, part: t(partKey) }) : null;
  }
  return owner(t, text);
}

type Rule = [RegExp, (g: Record<string, string>, t: Translate, again: (text: string) => string | null) => string | null];

const WHAT: Record<string, MessageKey> = {
  lines: 'sync.rec.what.lines', payments: 'sync.rec.what.payments', refunds: 'sync.rec.what.refunds',
  shipments: 'sync.rec.what.shipments', product: 'sync.rec.what.product', customer: 'sync.rec.what.customer',
  order: 'sync.rec.what.order',
};

/** A sentence `{label} …` whose label must be known for the sentence to be said again. */
const labelled = (key: MessageKey) => (g: Record<string, string>, t: Translate): string | null => {
  const field = label(t, g.label!);
  return field === null ? null : t(key, { ...g, label: field });
};

const RULES: Rule[] = [
  [/^The total (?<total>-?\d+) does not add up: subtotal (?<subtotal>-?\d+) − discount (?<discount>-?\d+) \+ shipping (?<shipping>-?\d+)(?: \+ tax (?<tax>-?\d+))? = (?<expected>-?\d+) \(minor units of (?<currency>\S+)\)\.$/,
    (g, t) => t('sync.rec.totals', { ...g, tax: g.tax === undefined ? '' : t('sync.rec.totalsTax', { tax: g.tax }) })],
  // The embedded customer's own problem, its first letter lowered by the core: raised again to be recognised.
  [/^The order's customer: (?<problem>.*)$/s, (g, t, again) => {
    const inner = again(g.problem!.charAt(0).toUpperCase() + g.problem!.slice(1));
    return inner === null ? null : t('sync.rec.embeddedCustomer', { problem: inner });
  }],
  [/^The order has no order number\.$/, (_, t) => t('sync.rec.noOrderNumber')],
  [/^The marketing consent is neither yes nor no\.$/, (_, t) => t('sync.rec.consent')],
  [/^The tags are not a list\.$/, (_, t) => t('sync.rec.tags')],
  [/^The inventory quantity \((?<value>.*)\) is not a whole number\.$/s, (g, t) => t('sync.rec.inventory', g)],
  [/^Two (?<what>lines|payments|refunds|shipments) share the id "(?<id>.*)"\.$/s,
    (g, t) => t('sync.rec.sharedId', { id: g.id!, what: t(WHAT[g.what!]!) })],
  [/^The order's (?<what>lines|payments|refunds|shipments) are not a list\.$/, (g, t) => t('sync.rec.notList', { what: t(WHAT[g.what!]!) })],
  [/^The record is empty\.$/, (_, t) => t('sync.rec.empty')],
  [/^The (?<what>product|customer|order) could not be applied: (?<message>.*)$/s,
    (g, t) => t('sync.rec.refused', { message: g.message!, what: t(WHAT[g.what!]!) })],
  [/^The database refused the (?<what>product|customer|order) \((?<message>.*)\)\.$/s,
    (g, t) => t('sync.rec.dbRefused', { message: g.message!, what: t(WHAT[g.what!]!) })],
  [/^(?<label>.+) is missing\.$/s, labelled('sync.rec.missing')],
  [/^(?<label>.+) "(?<value>.*)" is not a date and time with a time zone\.$/s, labelled('sync.rec.notInstant')],
  [/^(?<label>.+) \((?<value>.*)\) is not a whole number of minor units\.$/s, labelled('sync.rec.notMinor')],
  [/^(?<label>.+) is negative \((?<value>.*)\)\.$/s, labelled('sync.rec.negative')],
  [/^(?<label>.+) "(?<value>.*)" is not a three-letter currency code such as USD\.$/s, labelled('sync.rec.notCurrency')],
  [/^(?<label>.+) "(?<value>.*)" is not one Backroom knows\.$/s, labelled('sync.rec.unknownValue')],
  [/^(?<label>.+) has no id\.$/s, labelled('sync.rec.noId')],
  [/^(?<label>.+) has no title\.$/s, labelled('sync.rec.noTitle')],
  [/^(?<label>.+) has a quantity of (?<value>.*); it must be at least 1\.$/s, labelled('sync.rec.quantity')],
  [/^(?<label>.+) has no payment method\.$/s, labelled('sync.rec.noMethod')],
  [/^(?<label>.+) has no gateway\.$/s, labelled('sync.rec.noGateway')],
  [/^(?<label>.+) has no carrier\.$/s, labelled('sync.rec.noCarrier')],
];

export function recordProblem(t: Translate, reason: string): string | null {
  for (const [pattern, say] of RULES) {
    const match = pattern.exec(reason);
    if (match) return say((match.groups ?? {}) as Record<string, string>, t, (text) => recordProblem(t, text));
  }
  return null;
}
