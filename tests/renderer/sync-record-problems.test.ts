import { describe, expect, it } from 'vitest';
import { syncMessage } from '../../src/renderer/src/features/sync/messages';
import { recordProblem } from '../../src/renderer/src/features/sync/record-problems';
import { translate, type MessageKey } from '../../src/renderer/src/i18n/dictionary';
import { createFormatters } from '../../src/renderer/src/i18n/format';
import { RECORD_PROBLEMS, REFUSALS } from '../fixtures/sync-record-problems';

/**
 * Why a record was set aside, said again in Chinese: the sentences are the
 * core's own (tests/unit/sync-record-problems.test.ts makes them from broken
 * records), so a change of wording there fails here.
 */
const t = (key: MessageKey, vars?: Record<string, string | number>) => translate('zh-CN', key, vars);
const problem = (start: string) => RECORD_PROBLEMS.find((sentence) => sentence.startsWith(start))!;

describe('why a record was set aside, in Chinese', () => {
  it('says every kind of problem the boundary check finds in Chinese, with the record\'s own values kept', () => {
    for (const reason of [...RECORD_PROBLEMS, ...REFUSALS]) {
      const shown = recordProblem(t, reason);
      expect(shown, reason).not.toBeNull();
      expect(shown, reason).not.toMatch(/\{\w+\}/);
      expect(shown, reason).not.toMatch(/\b(is|are|has|have|not|the|The|Line|Payment|Refund|Shipment|missing|negative)\b/);
    }
  });

  it('names the field as the merchant knows it, and says the sum that does not add up', () => {
    expect(recordProblem(t, problem('Line 1 (Blue mug)\'s unit price'))).toBe('第 1 行（Blue mug）的单价为负数（-1）。');
    expect(recordProblem(t, problem('The total 9999 does not add up: subtotal 5000 − discount 500 + shipping 400 + tax')))
      .toBe('总额 9999 对不上：小计 5000 − 折扣 500 + 运费 400 + 税费 300 = 5200（USD 的最小货币单位）。');
    expect(recordProblem(t, problem('The order\'s customer'))).toBe('订单中的客户：营销同意既不是“是”也不是“否”。');
  });

  it('is said inside the run log\'s line, and left as it is when it is new', () => {
    const zh = { locale: 'zh-CN' as const, t, format: createFormatters('zh-CN') };
    expect(syncMessage(zh, `Skipped o1: ${problem('The order has no order number')}`)).toBe('已跳过 o1：订单没有订单号。');
    expect(recordProblem(t, 'Line 2 (Mug)\'s colour is missing.')).toBeNull();
    expect(syncMessage(zh, 'Skipped o1: Something new.')).toBe('已跳过 o1：Something new.');
  });
});
