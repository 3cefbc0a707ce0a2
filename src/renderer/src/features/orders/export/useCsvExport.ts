import { useCallback, useRef, useState } from 'react';
import type { OrderFilter, OrderSort } from '../../../../../shared/contract';
import { invoke } from '../../../api';

/** Big enough to keep round trips few, small enough for the bar to move every fraction of a second. */
const CHUNK_ROWS = 2000;

export type ExportState =
  | { status: 'idle' }
  | { status: 'running'; done: number; total: number | null }
  | { status: 'failed'; error: unknown };

export interface ExportResult {
  rows: number;
  fileName: string;
}

/**
 * Fetches the export chunk by chunk (the core pages it by keyset, so a
 * million rows never sit in one answer), keeps the text in memory and hands
 * the file to the browser's download. Cancel stops after the chunk in flight.
 */
export function useCsvExport() {
  const [state, setState] = useState<ExportState>({ status: 'idle' });
  const run = useRef<{ cancelled: boolean } | null>(null);

  const start = useCallback(async (filter: OrderFilter | undefined, sort: OrderSort): Promise<ExportResult | null> => {
    const token = { cancelled: false };
    run.current = token;
    setState({ status: 'running', done: 0, total: null });
    const parts: string[] = [];
    let done = 0;
    let cursor: string | undefined;
    try {
      do {
        const chunk = await invoke('orders.export', { ...(filter && { filter }), sort, pageSize: CHUNK_ROWS, ...(cursor && { cursor }) });
        if (token.cancelled) return null;
        parts.push(chunk.csv);
        done += chunk.rows;
        setState({ status: 'running', done, total: chunk.totalEstimate });
        cursor = chunk.nextCursor ?? undefined;
      } while (cursor);
    } catch (error) {
      if (!token.cancelled) setState({ status: 'failed', error });
      return null;
    }
    const fileName = `orders-${new Date().toISOString().slice(0, 10)}.csv`;
    // A byte-order mark, so spreadsheet programs read names in any script as UTF-8.
    downloadFile(new Blob(['\ufeff', ...parts], { type: 'text/csv;charset=utf-8' }), fileName);
    setState({ status: 'idle' });
    return { rows: done, fileName };
  }, []);

  const cancel = useCallback(() => {
    if (run.current) run.current.cancelled = true;
    setState({ status: 'idle' });
  }, []);

  const dismiss = useCallback(() => setState({ status: 'idle' }), []);

  return { state, start, cancel, dismiss };
}

/** Blob + a temporary link: works the same in a browser tab and in the Electron window. */
function downloadFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
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
