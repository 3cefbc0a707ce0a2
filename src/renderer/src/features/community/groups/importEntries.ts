/**
 * The entries of a pasted or uploaded member list: emails, phones or customer
 * ids, one per line or separated by commas, semicolons or tabs (a one-column
 * CSV or a column copied from a spreadsheet). Blank cells and repeats drop out;
 * the core decides what each entry matches.
 */
export const MAX_IMPORT_ENTRIES = 100_000;

export function parseImportEntries(text: string): string[] {
  const seen = new Set<string>();
  for (const cell of text.split(/[\r\n,;\t]+/)) {
    const entry = cell.trim().replace(/^"(.*)"$/, '$1').trim();
    if (entry && entry.length <= 200) seen.add(entry);
  }
  return [...seen];
}
