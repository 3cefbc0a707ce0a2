import { translateIssue, type IssuePatterns } from '../../../components/fieldIssues';
import type { Formatters, Translate } from '../../../i18n';

/**
 * The report's caveats come from the core as English sentences; the known
 * ones are said again in the UI language (dates and counts formatted here),
 * an unknown one is shown as it came rather than hidden.
 */
const PATTERNS: IssuePatterns = [
  [/^The campaign was stopped early on (?<day>\d{4}-\d{2}-\d{2})/, 'campaigns.caveat.stoppedEarly'],
  [/^The campaign has not started yet \(it starts on (?<day>\d{4}-\d{2}-\d{2})\)/, 'campaigns.caveat.notStarted'],
  [/^The campaign is still running until (?<day>\d{4}-\d{2}-\d{2})/, 'campaigns.caveat.running'],
  [/^This campaign kept no holdout group/, 'campaigns.caveat.noHoldout'],
  [/^No member fell into the holdout group/, 'campaigns.caveat.emptyHoldout'],
  [/^The treatment group has only (?<n>\d+) members?/, 'campaigns.caveat.smallTreatment'],
  [/^The holdout group has only (?<n>\d+) members?/, 'campaigns.caveat.smallHoldout'],
  [/^(?<n>\d+) orders? in currencies other than (?<currency>[A-Z]{3})/, 'campaigns.caveat.otherCurrency'],
  [/^Orders do not record the discount codes.*: (?<used>\d+) of (?<issued>\d+) so far/, 'campaigns.caveat.couponsUsed'],
  [/^Nothing has been spent on this campaign yet/, 'campaigns.caveat.nothingSpent'],
];

export function caveatSentence(t: Translate, format: Formatters, caveat: string): string {
  const localized: Translate = (key, vars = {}) => {
    const out: Record<string, string | number> = { ...vars };
    if (typeof vars.day === 'string') out.day = format.date(vars.day);
    for (const name of ['n', 'used', 'issued'] as const) if (vars[name] !== undefined) out[name] = format.number(Number(vars[name]));
    return t(key, out);
  };
  return translateIssue(localized, PATTERNS, caveat) ?? caveat;
}
