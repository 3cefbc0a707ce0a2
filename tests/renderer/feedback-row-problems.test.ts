import { describe, expect, it } from 'vitest';
import { rowProblem } from '../../src/renderer/src/features/feedback/import/rowProblem';
import { translate, type MessageKey } from '../../src/renderer/src/i18n/dictionary';

/** The core's row sentences (asserted word for word in tests/unit/feedback-import.test.ts), shown in Chinese. */
const ROW_PROBLEMS = [
  'Row 2: the rating "ten" is not a number.',
  'Row 3: a star rating must be a whole number from 1 to 5.',
  'Row 4: an NPS score must be a whole number from 0 to 10.',
  'Row 5: the source "tweet" is not one of review, survey, csat, nps, message.',
  'Row 6: the title is longer than 200 characters.',
  'Row 7: the text is longer than 10,000 characters.',
  'Row 8: it has neither a rating nor any text.',
  'Row 9: the external id is longer than 200 characters.',
  'Row 10: the date "yesterday" is not a date such as 2026-03-14 or 2026-03-14T09:30:00Z.',
  'Row 11: the date "2099-01-01" is in the future.',
  'Row 12: there is no order numbered "#404".',
  'Row 13: order #1001 belongs to another customer than c2@example.com.',
  'Row 14: there is no product with SKU "NOPE".',
  'Row 15 has 10 values but the header has 9 columns; is a comma missing its quotes?',
];

describe('rowProblem', () => {
  const zh = (key: MessageKey, vars?: Record<string, string | number>) => translate('zh-CN', key, vars);

  it('has a Chinese sentence, with its values filled in, for every kind of refused row', () => {
    for (const message of ROW_PROBLEMS) {
      const shown = rowProblem(zh, message);
      expect(shown, message).not.toBe(message);
      expect(shown).not.toMatch(/\{\w+\}/);
    }
    expect(rowProblem(zh, ROW_PROBLEMS[0] as string)).toBe('评分“ten”不是数字。');
  });

  it('shows a sentence it does not know as it is', () => {
    expect(rowProblem(zh, 'Row 9: something new.')).toBe('Row 9: something new.');
  });
});
