import type { Translate } from '../../i18n';
import { firstIssuePerField, translateIssue, type FieldIssue, type IssuePatterns } from '../../components/fieldIssues';

/**
 * The loyalty screens' sentences for validation issues: "Threshold must be
 * greater than the previous tier's threshold (100)." The schema's messages are
 * English fragments; the known ones are translated by pattern, an unknown one
 * is shown as it is rather than hidden.
 */
export { refusalSentence, serverIssues, zodIssues, type FieldIssue } from '../../components/fieldIssues';

const PATTERNS: IssuePatterns = [
  [/^is required/, 'loyalty.issue.required'],
  [/^Invalid input/, 'loyalty.issue.required'],
  [/^must not be negative$/, 'loyalty.issue.notNegative'],
  [/^must be at most (?<n>\d+) days$/, 'loyalty.issue.atMostDays'],
  [/^must be at most (?<n>\d+) months$/, 'loyalty.issue.atMostMonths'],
  [/^must be at most (?<n>\d+) characters$/, 'loyalty.issue.atMostChars'],
  [/^must be at most (?<n>\d+)$/, 'loyalty.issue.atMost'],
  [/^must be at least (?<n>\d+)/, 'loyalty.issue.atLeast'],
  [/^must be greater than 0$/, 'loyalty.issue.positive'],
  [/^must have at most 2 decimal places$/, 'loyalty.issue.twoDecimals'],
  [/^must be a whole/, 'loyalty.issue.whole'],
  [/^must be a slug/, 'loyalty.issue.slug'],
  [/^must be 0 for the first tier/, 'loyalty.issue.firstTierZero'],
  [/^must be greater than the previous tier's threshold \((?<n>\d+)\)$/, 'loyalty.issue.tierOverlap'],
  [/^"(?<value>.*)" is already used by another tier$/, 'loyalty.issue.tierDuplicate'],
  [/^"(?<value>.*)" is already used by another campaign$/, 'loyalty.issue.campaignDuplicate'],
  [/^must not be before the start date \((?<value>.+)\)$/, 'loyalty.issue.endBeforeStart'],
  [/^must be (a calendar date|a real calendar date)/, 'loyalty.issue.date'],
  [/^must be empty for a/, 'loyalty.issue.mustBeEmpty'],
  [/^must hold at most (?<n>\d+)/, 'loyalty.issue.tooMany'],
];

/** "Threshold must be …" in the UI language. */
export function issueSentence(t: Translate, fieldLabel: string, message: string): string {
  return t('loyalty.issue.sentence', { field: fieldLabel, message: translateIssue(t, PATTERNS, message) ?? message });
}

/** Form errors keyed by path, each a sentence; `label` names the field a path belongs to. */
export function formErrors(t: Translate, issues: FieldIssue[], label: (path: string) => string): Record<string, string> {
  return firstIssuePerField(issues, (issue) => issue.path, (issue) => issueSentence(t, label(issue.path), issue.message));
}
