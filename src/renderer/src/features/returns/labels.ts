import type { Locale } from '../../../../shared/contract';
import type { ReturnPolicyFlag, ReturnPolicyValue, ReturnStatus } from '../../../../shared/contract/returns';
import type { MessageKey } from '../../i18n';

export const STATUS_COLORS: Record<ReturnStatus, string> = {
  requested: 'blue', approved: 'cyan', declined: 'red', in_transit: 'indigo', received: 'violet',
  inspected: 'grape', resolved: 'teal', closed: 'gray',
};

export const statusKey = (status: ReturnStatus): MessageKey => `returns.status.${status}` as MessageKey;
export const flagKey = (flag: ReturnPolicyFlag): MessageKey => `returns.flag.${flag}` as MessageKey;
export const flagExplainKey = (flag: ReturnPolicyFlag): MessageKey => `returns.flag.${flag}.explain` as MessageKey;
export const stepActionKey = (status: ReturnStatus): MessageKey => `returns.action.${status}` as MessageKey;

/** A reason code in the interface language; a code the policy no longer has reads as itself. */
export function reasonText(policy: ReturnPolicyValue | undefined, code: string, locale: Locale): string {
  const reason = policy?.reasons.find((r) => r.code === code);
  if (!reason) return code;
  return locale === 'zh-CN' ? reason.zh : reason.en;
}

/** A UTC instant as a date and time in the interface language. */
export function dateTime(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}
