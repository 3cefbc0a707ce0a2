/**
 * A large CSV file goes to the core in parts of at most `maxChars`
 * characters, cut between records (never inside a quoted value), each part
 * with the header row and the file row number it starts at. Parts keep each
 * request small (the HTTP transport takes about 1 MB per request) and let
 * the screen show real progress; each part is imported in one transaction,
 * and rows already imported are skipped, so importing the file again after
 * an interruption finishes the job without doubling anything.
 */
export interface CsvPart {
  csv: string;
  /** The file row of the part's first record (the header is row 1; blank lines are not rows). */
  firstRowNumber: number;
  rows: number;
}

/** Ends of records: indexes just past each line break outside quotes, and whether the record was blank. */
function recordEnds(text: string): { end: number; blank: boolean }[] {
  const ends: { end: number; blank: boolean }[] = [];
  let quoted = false;
  let blank = true;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 34) quoted = !quoted;
    if (!quoted && (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10))) {
      ends.push({ end: i + 1, blank });
      blank = true;
    } else if (code !== 13) {
      blank = false;
    }
  }
  if (!blank || (ends.at(-1)?.end ?? 0) < text.length) ends.push({ end: text.length, blank });
  return ends;
}

export function splitCsv(text: string, maxChars: number): CsvPart[] {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const ends = recordEnds(input);
  const headerEnd = ends[0]?.end ?? input.length;
  const header = input.slice(0, headerEnd).replace(/[\r\n]+$/, '');
  const parts: CsvPart[] = [];
  let start = headerEnd;
  let rowsBefore = 0;
  let rows = 0;
  for (let i = 1; i < ends.length; i++) {
    const record = ends[i] as { end: number; blank: boolean };
    if (!record.blank) rows += 1;
    const last = i === ends.length - 1;
    if (record.end - start >= maxChars || last) {
      if (rows > 0) parts.push({ csv: `${header}\n${input.slice(start, record.end)}`, firstRowNumber: 2 + rowsBefore, rows });
      rowsBefore += rows;
      rows = 0;
      start = record.end;
    }
  }
  if (parts.length === 0) parts.push({ csv: header, firstRowNumber: 2, rows: 0 });
  return parts;
}
