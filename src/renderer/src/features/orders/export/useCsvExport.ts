import { useCallback, useRef, useState } from 'react';
import type { OrderFilter, OrderSort } from '../../../../../shared/contract';
import { invoke } from '../../../api';
import { collectCsv, downloadCsv } from '../../../components/csv/pagedCsv';

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
    let collected: { parts: string[]; rows: number } | null;
    try {
      collected = await collectCsv(
        (cursor) => invoke('orders.export', { ...(filter && { filter }), sort, pageSize: CHUNK_ROWS, ...(cursor && { cursor }) }),
        (chunk, done) => setState({ status: 'running', done, total: chunk.totalEstimate }),
        () => token.cancelled,
      );
    } catch (error) {
      if (!token.cancelled) setState({ status: 'failed', error });
      return null;
    }
    if (!collected) return null;
    const fileName = `orders-${new Date().toISOString().slice(0, 10)}.csv`;
    downloadCsv(collected.parts, fileName);
    setState({ status: 'idle' });
    return { rows: collected.rows, fileName };
  }, []);

  const cancel = useCallback(() => {
    if (run.current) run.current.cancelled = true;
    setState({ status: 'idle' });
  }, []);

  const dismiss = useCallback(() => setState({ status: 'idle' }), []);

  return { state, start, cancel, dismiss };
}
