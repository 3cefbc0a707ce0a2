import type { MessageKey, Translate } from '../../../i18n';

/**
 * The core reports each refused row as an English sentence ("Row 3: the
 * rating "ten" is not a number."); the known ones are shown in the UI
 * language by pattern, an unknown one as it is rather than hidden.
 */
const PATTERNS: [RegExp, MessageKey][] = [
  [/^Row \d+: the rating "(?<value>.*)" is not a number\.$/, 'feedback.rowProblem.notNumber'],
  [/^Row \d+: a star rating must be a whole number from 1 to 5\.$/, 'feedback.rowProblem.stars'],
  [/^Row \d+: an NPS score must be a whole number from 0 to 10\.$/, 'feedback.rowProblem.nps'],
  [/^Row \d+: the source "(?<value>.*)" is not one of .*\.$/, 'feedback.rowProblem.source'],
  [/^Row \d+: the title is longer than (?<n>[\d,]+) characters\.$/, 'feedback.rowProblem.titleLong'],
  [/^Row \d+: the text is longer than (?<n>[\d,]+) characters\.$/, 'feedback.rowProblem.bodyLong'],
  [/^Row \d+: it has neither a rating nor any text\.$/, 'feedback.rowProblem.empty'],
  [/^Row \d+: the external id is longer than (?<n>[\d,]+) characters\.$/, 'feedback.rowProblem.externalIdLong'],
  [/^Row \d+: the date "(?<value>.*)" is not a date such as .*\.$/, 'feedback.rowProblem.date'],
  [/^Row \d+: the date "(?<value>.*)" is in the future\.$/, 'feedback.rowProblem.future'],
  [/^Row \d+: there is no order numbered "(?<value>.*)"\.$/, 'feedback.rowProblem.order'],
  [/^Row \d+: order (?<value>.*) belongs to another customer than (?<email>.*)\.$/, 'feedback.rowProblem.orderCustomer'],
  [/^Row \d+: there is no product with SKU "(?<value>.*)"\.$/, 'feedback.rowProblem.sku'],
  [/^Row \d+ has (?<n>\d+) values but the header has (?<m>\d+) columns/, 'feedback.rowProblem.tooMany'],
];

export function rowProblem(t: Translate, message: string): string {
  for (const [pattern, key] of PATTERNS) {
    const match = pattern.exec(message);
    if (match) return t(key, { ...match.groups });
  }
  return message;
}
