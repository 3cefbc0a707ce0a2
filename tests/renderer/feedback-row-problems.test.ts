import { describe, expect, it } from 'vitest';
import { rowProblem } from '../../src/renderer/src/features/feedback/import/rowProblem';
import { translate, type MessageKey } from '../../src/renderer/src/i18n/dictionary';
import { ROW_PROBLEMS } from '../fixtures/feedback-row-problems';

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
