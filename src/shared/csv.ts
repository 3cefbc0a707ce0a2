/**
 * RFC 4180 CSV reading: fields separated by commas, records by CRLF or LF;
 * a field in double quotes may hold commas, line breaks and doubled quotes
 * (""). A UTF-8 byte-order mark before the header is dropped (spreadsheet
 * programs write one). Lenient where RFC 4180 is silent: a lone CR also
 * ends a record, and a quote inside an unquoted field is kept as text.
 */
export interface CsvRecord {
  fields: string[];
  /** The line the record starts on, 1-based (a quoted field may span several lines). */
  line: number;
}

export class CsvSyntaxError extends Error {
  constructor(readonly line: number, message: string) {
    super(message);
  }
}

export function parseCsv(text: string): CsvRecord[] {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const endField = () => {
    fields.push(field);
    field = '';
  };
  const endRecord = () => {
    endField();
    // A blank line (one empty field) is not a record.
    if (!(fields.length === 1 && fields[0] === '')) records.push({ fields, line: recordLine });
    fields = [];
  };
  while (i < input.length) {
    const char = input[i] as string;
    if (char === '"' && field === '') {
      const start = line;
      i += 1;
      let closed = false;
      while (i < input.length) {
        const inner = input[i] as string;
        if (inner === '"') {
          if (input[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          closed = true;
          i += 1;
          break;
        }
        if (inner === '\n') line += 1;
        field += inner;
        i += 1;
      }
      if (!closed) throw new CsvSyntaxError(start, `A quoted value that starts on line ${start} is never closed.`);
      // Text between the closing quote and the next separator is kept, as spreadsheets do.
      while (i < input.length && !',\r\n'.includes(input[i] as string)) field += input[i++];
      continue;
    }
    if (char === ',') {
      endField();
      i += 1;
    } else if (char === '\r' || char === '\n') {
      endRecord();
      i += char === '\r' && input[i + 1] === '\n' ? 2 : 1;
      line += 1;
      recordLine = line;
    } else {
      field += char;
      i += 1;
    }
  }
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}
