import { afterEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/main/db/connection';
import { feedbackHandlers } from '../../src/main/domain/feedback/handlers';
import { feedbackImportInput } from '../../src/shared/contract/feedback';
import { feedbackShop } from './feedback-fixtures';

let connection: Connection | undefined;
afterEach(() => connection?.close());

/** A large file goes in parts (each with the header); row numbers in the report stay the file's own. */
describe('importing a file in parts', () => {
  it('reports a bad row by its row in the whole file, and imports the same rows as in one go', async () => {
    const shop = await feedbackShop();
    connection = shop.connection;
    const lines = ['rating,body,external_id'];
    for (let i = 1; i <= 40; i++) lines.push(i === 31 ? `nine,Bad row,e-${i}` : `5,"Lovely, number ${i}",e-${i}`);
    // Parts as the import page cuts them (tests/renderer/feedback-parts.test.ts): 10 rows each, with the header.
    const parts = [0, 10, 20, 30].map((skip) => ({
      csv: [lines[0], ...lines.slice(1 + skip, 11 + skip)].join('\n'), firstRowNumber: 2 + skip,
    }));
    const results = parts.map((part) => feedbackHandlers['feedback.import'](
      feedbackImportInput.parse({ staffId: 1, csv: part.csv, firstRowNumber: part.firstRowNumber }), shop.ctx));
    expect(results.reduce((sum, r) => sum + r.imported, 0)).toBe(39);
    // The header is row 1, so the 31st data row is row 32 of the file.
    expect(results.flatMap((r) => r.errors)).toEqual([{ row: 32, message: 'Row 32: the rating "nine" is not a number.' }]);
  });
});
