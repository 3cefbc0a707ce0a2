import { describe, expect, it } from 'vitest';
import { csvCell as csvValue, csvText } from '../../src/shared/csvWrite';
import { parseCsv } from '../../src/shared/csv';
import { cellPaint, intensities } from '../../src/renderer/src/features/dashboard/insights/heatScale';
import { insightsEn, insightsZh } from '../../src/renderer/src/i18n/areas/insights';
import { INSIGHT_DEFINITIONS } from '../../src/shared/contract';

/** "Export CSV" of every chart: RFC 4180 text a spreadsheet opens as the rows the chart was given. */
describe('csvText', () => {
  it('quotes commas, quotes and line breaks, with CRLF line ends', () => {
    const text = csvText(['Segment', 'Note'], [['Loyal, big', 'said "hi"\nthen left'], ['New', null]]);
    expect(text).toBe('Segment,Note\r\n"Loyal, big","said ""hi""\nthen left"\r\nNew,\r\n');
  });

  it('round-trips through the CSV reader, Chinese included', () => {
    const rows = [['2025-03', 12, 0.4166], ['忠诚客户', -3.5, null]];
    const parsed = parseCsv(csvText(['同期群', 'a', 'b'], rows)).map((r) => r.fields);
    expect(parsed).toEqual([['同期群', 'a', 'b'], ['2025-03', '12', '0.4166'], ['忠诚客户', '-3.5', '']]);
  });

  it('keeps text that looks like a formula as text, but not negative numbers', () => {
    expect(csvValue('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvValue('+1')).toBe("'+1");
    expect(csvValue(-12.5)).toBe('-12.5');
    expect(csvValue(Number.NaN)).toBe('');
  });
});

describe('heat scale', () => {
  it('grows opacity with intensity and switches to white text on strong cells', () => {
    const weak = cellPaint(0);
    const strong = cellPaint(1);
    expect(weak.fillOpacity).toBeLessThan(strong.fillOpacity);
    expect(weak.textFill).toBe('var(--mantine-color-text)');
    expect(strong.textFill).toBe('var(--mantine-color-white)');
    expect(cellPaint(7).fillOpacity).toBe(strong.fillOpacity);
  });

  it('scales values against the largest and keeps empty cells empty', () => {
    expect(intensities([0.5, null, 0.25], 0.5)).toEqual([1, null, 0.5]);
    expect(intensities([0, 0], 0)).toEqual([0, 0]);
  });
});

describe('insight definitions', () => {
  it('has a sentence in both languages for every definition the contract names', () => {
    for (const key of INSIGHT_DEFINITIONS) {
      const id = `insights.def.${key}` as keyof typeof insightsEn;
      expect(insightsEn[id], id).toMatch(/\.$/);
      expect(insightsZh[id], id).toMatch(/。$/);
    }
  });
});
