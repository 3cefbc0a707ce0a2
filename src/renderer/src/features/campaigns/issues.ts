import type { Translate } from '../../i18n';
import { translateIssue, type FieldIssue, type IssuePatterns } from '../../components/fieldIssues';

export { refusalSentence, serverIssues, zodIssues, type FieldIssue } from '../../components/fieldIssues';

/**
 * The campaign contract's validation messages as sentences in the UI
 * language. Fragments ("is required") become "Name is required."; whole
 * phrases ("pick at least one segment") stand alone. A message no pattern
 * knows is still shown, after the field's name.
 */
const PATTERNS: IssuePatterns = [
  [/^is required/, 'campaigns.issue.required'],
  [/^must be at most (?<n>[\d,]+) characters/, 'campaigns.issue.atMostChars'],
  [/^must be a date and time/, 'campaigns.issue.instant'],
  [/^must be at least (?<n>[\d,.]+) points?/, 'campaigns.issue.atLeastPoints'],
  [/^must be at most (?<n>[\d,.]+) points/, 'campaigns.issue.atMostPoints'],
  [/^must be at most (?<n>[\d,.]+) %/, 'campaigns.issue.atMostPercent'],
  [/^must be at least (?<n>[\d,.]+)/, 'campaigns.issue.atLeast'],
  [/^must be at most (?<n>[\d,.]+)/, 'campaigns.issue.atMost'],
  [/^pick at least one segment/, 'campaigns.issue.pickSegment'],
  [/^pick at least one tier/, 'campaigns.issue.pickTier'],
  [/^name at least one tag/, 'campaigns.issue.nameTag'],
  [/^the list is empty/, 'campaigns.issue.listEmpty'],
  [/^a fixed-amount coupon needs its amount/, 'campaigns.issue.couponAmount'],
  [/^a percent coupon needs its percent/, 'campaigns.issue.couponPercent'],
  [/^add at least one product/, 'campaigns.issue.addProduct'],
  [/^add at least one mechanic/, 'campaigns.issue.addMechanic'],
  [/^the campaign must end after it starts/, 'campaigns.issue.window'],
  [/^Too small: expected (number|int) to be >=?(?<n>-?[\d.]+)/, 'campaigns.issue.atLeast'],
  [/^Too big: expected (number|int) to be <=?(?<n>-?[\d.]+)/, 'campaigns.issue.atMost'],
  [/^Too small: expected string/, 'campaigns.issue.required'],
  [/expected number|expected int|Invalid input/i, 'campaigns.issue.number'],
];

export function issueSentence(t: Translate, field: string, message: string): string {
  return translateIssue((key, vars) => t(key, { field, ...vars }), PATTERNS, message) ?? t('campaigns.issue.other', { field, message });
}

/** The first issue at `path` or below it, as a sentence naming `field`. */
export function issueAt(t: Translate, issues: readonly FieldIssue[], path: string, field: string): string | undefined {
  const issue = issues.find((i) => i.path === path || i.path.startsWith(`${path}.`));
  return issue ? issueSentence(t, field, issue.message) : undefined;
}
