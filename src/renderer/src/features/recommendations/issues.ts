import type { Translate } from '../../i18n';
import { translateIssue, type FieldIssue, type IssuePatterns } from '../../components/fieldIssues';

export { serverIssues, zodIssues, refusalSentence, isConflict, type FieldIssue } from '../../components/fieldIssues';

/**
 * The recommendation settings' validation messages in the UI language. The
 * contract's messages are English sentences or fragments; known ones are
 * translated by pattern, an unknown one is shown as it is rather than hidden.
 */
const PATTERNS: IssuePatterns = [
  [/^At least one weight must be above zero/, 'recs.issue.weightsZero'],
  [/^The price window is upside down/, 'recs.issue.priceUpsideDown'],
  [/^a weight cannot be negative/, 'recs.issue.weightNegative'],
  [/^a weight is at most (?<n>[\d.]+)/, 'recs.issue.weightMax'],
  [/^a bury factor is at least (?<n>[\d.]+)/, 'recs.issue.factorMin'],
  [/^a boost factor is at most (?<n>[\d.]+)/, 'recs.issue.factorMax'],
  [/^A product cannot be pinned to its own list/, 'recs.issue.pinSelf'],
  [/^the minimum support must be above zero/, 'recs.issue.supportZero'],
  [/^a list holds at least (?<n>\d+)/, 'recs.issue.kMin'],
  [/^a list holds at most (?<n>\d+)/, 'recs.issue.kMax'],
  [/^k must be at least (?<n>\d+)/, 'recs.issue.kMin'],
  [/^k must be at most (?<n>\d+)/, 'recs.issue.kMax'],
  [/^the cut-off must be a date/, 'recs.issue.cutoff'],
  [/expected number, received NaN|expected number/i, 'recs.issue.number'],
  [/expected int/i, 'recs.issue.whole'],
  [/^Too small: expected (number|int) to be >=?(?<n>-?[\d.]+)/, 'recs.issue.atLeast'],
  [/^Too big: expected (number|int) to be <=?(?<n>-?[\d.]+)/, 'recs.issue.atMost'],
  [/^Too small: expected string/, 'recs.issue.required'],
  [/^Too big: expected array to have <=?(?<n>\d+)/, 'recs.issue.tooMany'],
];

export function issueSentence(t: Translate, message: string): string {
  return translateIssue(t, PATTERNS, message) ?? message;
}

/** The first issue at `path` or below it ("filters.priceWindow" covers "filters.priceWindow.minPct"), as a sentence. */
export function issueAt(t: Translate, issues: readonly FieldIssue[], path: string): string | undefined {
  const issue = issues.find((i) => i.path === path || i.path.startsWith(`${path}.`));
  return issue ? issueSentence(t, issue.message) : undefined;
}
