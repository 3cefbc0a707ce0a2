/**
 * CSV exports the core pages by keyset (orders.export, segments.export): fetched
 * chunk by chunk so a million rows never sit in one answer, then handed to the
 * browser's download as one file.
 */
export interface CsvChunk {
  csv: string;
  rows: number;
  nextCursor: string | null;
}

/** Fetches every chunk; null when `cancelled()` turns true after a chunk (the one in flight is dropped). */
export async function collectCsv<C extends CsvChunk>(
  fetchChunk: (cursor: string | undefined) => Promise<C>,
  onChunk: (chunk: C, done: number) => void,
  cancelled: () => boolean,
): Promise<{ parts: string[]; rows: number } | null> {
  const parts: string[] = [];
  let rows = 0;
  let cursor: string | undefined;
  do {
    const chunk = await fetchChunk(cursor);
    if (cancelled()) return null;
    parts.push(chunk.csv);
    rows += chunk.rows;
    onChunk(chunk, rows);
    cursor = chunk.nextCursor ?? undefined;
  } while (cursor);
  return { parts, rows };
}

/** Blob + a temporary link: works the same in a browser tab and in the Electron window. */
export function downloadCsv(parts: readonly string[], fileName: string): void {
  // A byte-order mark, so spreadsheet programs read names in any script as UTF-8.
  const url = URL.createObjectURL(new Blob(['\ufeff', ...parts], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
