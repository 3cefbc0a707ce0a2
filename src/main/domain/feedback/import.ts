import { FEEDBACK_CSV_COLUMNS, type FeedbackImportResult } from '../../../shared/contract/feedback';
import type { ParsedInputOf } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { HandlerContext } from '../../core/handler';
import type { Sqlite } from '../../db/connection';
import { recordAudit } from '../audit/log';
import { requireStaff } from './create';
import { CsvSyntaxError, parseCsv, type CsvRecord } from '../../../shared/csv';
import { followUp } from './follow-ups';
import { insertFeedback, type NewFeedback } from './insert';
import { readRow, RowLookups, type CsvColumn, type RowValues } from './import-row';
import { compileTopicMatcher } from './topic-match';
import { readTopicRules } from './topic-rules';

/**
 * `feedback.import`: a CSV file, checked row by row. Bad rows are reported
 * with their row number (the header is row 1, as in a spreadsheet) and a
 * sentence (the header is row 1; a part of a large file says where it starts);
 * good rows are written in one transaction with their follow-ups,
 * so a failure part-way leaves nothing behind. A row imported before (same
 * external id, or same source, customer, time and text) is a duplicate:
 * counted and skipped, also within the same file.
 */
interface Header {
  columns: (CsvColumn | null)[];
  ignored: string[];
}

function readHeader(record: CsvRecord): Header {
  const known = new Set<string>(FEEDBACK_CSV_COLUMNS);
  const seen = new Set<string>();
  const ignored: string[] = [];
  const columns = record.fields.map((raw) => {
    const name = raw.trim().toLowerCase();
    if (!known.has(name)) {
      if (raw.trim() !== '') ignored.push(raw.trim());
      return null;
    }
    if (seen.has(name)) throw new AppError('VALIDATION', `The header names the column "${name}" twice; keep one.`);
    seen.add(name);
    return name as CsvColumn;
  });
  if (!seen.has('rating') && !seen.has('body') && !seen.has('title')) {
    throw new AppError('VALIDATION',
      `The first row must name the columns, with at least a rating, title or body column (recognised: ${FEEDBACK_CSV_COLUMNS.join(', ')}).`);
  }
  return { columns, ignored };
}

function duplicateFinder(sqlite: Sqlite) {
  const byExternalId = sqlite.prepare<[string], number>(
    'SELECT id FROM feedback WHERE store_id IS NULL AND external_id = ? LIMIT 1').pluck();
  const byContent = sqlite.prepare<[string, string, number | null, string, string], number>(
    `SELECT id FROM feedback WHERE created_at = ? AND source = ? AND customer_id IS ?
       AND coalesce(body, '') = ? AND coalesce(title, '') = ? LIMIT 1`).pluck();
  return (row: NewFeedback) =>
    (row.externalId !== null && byExternalId.get(row.externalId) !== undefined) ||
    byContent.get(row.createdAt, row.source, row.customerId, row.body ?? '', row.title ?? '') !== undefined;
}

export function importFeedback(input: ParsedInputOf<'feedback.import'>, ctx: HandlerContext): FeedbackImportResult {
  const { sqlite } = ctx;
  const now = ctx.now();
  requireStaff(ctx, input.staffId);
  let records: CsvRecord[];
  try {
    records = parseCsv(input.csv);
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new AppError('VALIDATION', `The file is not valid CSV: ${error.message}`);
    throw error;
  }
  const [headerRecord, ...rows] = records;
  if (!headerRecord) throw new AppError('VALIDATION', 'The file is empty: it needs a header row and at least one row of feedback.');
  const header = readHeader(headerRecord);
  const importedFrom = input.fileName?.trim() || 'CSV import';
  const result: FeedbackImportResult = { imported: 0, duplicates: 0, errors: [], ticketsOpened: 0, ignoredColumns: header.ignored };

  const firstId = sqlite.transaction((): number | null => {
    const lookups = new RowLookups(sqlite);
    const isDuplicate = duplicateFinder(sqlite);
    const matchTopics = compileTopicMatcher(readTopicRules(sqlite).rules);
    let first: number | null = null;
    rows.forEach((record, index) => {
      const rowNumber = index + input.firstRowNumber;
      if (record.fields.length > header.columns.length) {
        result.errors.push({ row: rowNumber, message: `Row ${rowNumber} has ${record.fields.length} values but the header has ${header.columns.length} columns; is a comma missing its quotes?` });
        return;
      }
      const values: RowValues = {};
      header.columns.forEach((column, i) => {
        if (column) values[column] = record.fields[i] ?? '';
      });
      const row = readRow(values, input.defaultSource, lookups, now, importedFrom);
      if (typeof row === 'string') {
        result.errors.push({ row: rowNumber, message: `Row ${rowNumber}: ${row}.` });
        return;
      }
      if (isDuplicate(row)) {
        result.duplicates += 1;
        return;
      }
      const inserted = insertFeedback(sqlite, row, matchTopics);
      first ??= inserted.id;
      result.imported += 1;
      const outcome = followUp(sqlite, { ...row, ...inserted, ticketId: null }, input.staffId, now);
      if (outcome.ticketOpened) result.ticketsOpened += 1;
    });
    if (first !== null) {
      recordAudit(sqlite, {
        at: now, staffId: input.staffId, entityType: 'feedback', entityId: first, action: 'feedback.import',
        detail: { fileName: importedFrom, imported: result.imported, duplicates: result.duplicates, errors: result.errors.length },
      });
    }
    return first;
  })();
  if (firstId !== null) {
    ctx.emit('data.changed', { areas: ['feedback', ...(result.ticketsOpened > 0 ? ['service'] : []), 'loyalty'] });
  }
  return result;
}
