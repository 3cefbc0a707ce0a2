import { describe, expect, it } from 'vitest';
import { splitCsv } from '../../src/renderer/src/features/feedback/import/chunks';

/** A large CSV goes to the core in parts, cut between records, each with the header and its first row number. */
describe('splitCsv', () => {
  const text = '\uFEFFrating,body\r\n5,"a\nb"\r\n\r\n4,c\r\n3,"x,y"\n2,z';

  it('cuts between records, never inside quotes; blank lines are not rows', () => {
    expect(splitCsv(text, 10).map((p) => [p.firstRowNumber, p.rows, p.csv])).toEqual([
      [2, 1, 'rating,body\n5,"a\nb"\r\n\r\n'],
      [3, 2, 'rating,body\n4,c\r\n3,"x,y"\n'],
      [5, 1, 'rating,body\n2,z'],
    ]);
  });

  it('sends a small file in one part, and a header alone as one empty part', () => {
    expect(splitCsv(text, 1_000).map((p) => [p.firstRowNumber, p.rows])).toEqual([[2, 4]]);
    expect(splitCsv('rating,body\n', 1_000)).toEqual([{ csv: 'rating,body', firstRowNumber: 2, rows: 0 }]);
  });
});
