import { useCallback, useRef, useState } from 'react';
import type { CustomerSegment } from '../../../../../shared/contract';
import { invoke } from '../../../api';
import { collectCsv, downloadCsv } from '../../../components/csv/pagedCsv';

/** Enough rows per round trip to be quick, few enough for the bar to move. */
const CHUNK_ROWS = 2_000;

export type SegmentExportState =
  | { status: 'idle' }
  | { status: 'running'; segment: CustomerSegment; done: number; total: number | null };

export type SegmentExportOutcome =
  | { kind: 'done'; segment: CustomerSegment; rows: number; fileName: string }
  | { kind: 'empty'; segment: CustomerSegment }
  | { kind: 'failed'; segment: CustomerSegment; error: unknown }
  | { kind: 'cancelled' };

/**
 * A segment's customers as one CSV file, fetched chunk by chunk (the core
 * pages by keyset, so a big segment never sits in one answer) and handed to
 * the browser's download. One export at a time; Cancel stops after the chunk
 * in flight and saves nothing.
 */
export function useSegmentExport() {
  const [state, setState] = useState<SegmentExportState>({ status: 'idle' });
  const run = useRef<{ cancelled: boolean } | null>(null);

  const start = useCallback(
    async (segment: CustomerSegment, onlyMarketingConsent: boolean): Promise<SegmentExportOutcome> => {
      const token = { cancelled: false };
      run.current = token;
      setState({ status: 'running', segment, done: 0, total: null });
      let collected: { parts: string[]; rows: number } | null;
      try {
        collected = await collectCsv(
          (cursor) => invoke('segments.export', { segment, onlyMarketingConsent, pageSize: CHUNK_ROWS, ...(cursor && { cursor }) }),
          (chunk, done) => setState({ status: 'running', segment, done, total: chunk.total }),
          () => token.cancelled,
        );
      } catch (error) {
        if (token.cancelled) return { kind: 'cancelled' };
        setState({ status: 'idle' });
        return { kind: 'failed', segment, error };
      }
      if (!collected) return { kind: 'cancelled' };
      setState({ status: 'idle' });
      if (collected.rows === 0) return { kind: 'empty', segment };
      const fileName = `customers-${segment}-${new Date().toISOString().slice(0, 10)}.csv`;
      downloadCsv(collected.parts, fileName);
      return { kind: 'done', segment, rows: collected.rows, fileName };
    },
    [],
  );

  const cancel = useCallback(() => {
    if (run.current) run.current.cancelled = true;
    setState({ status: 'idle' });
  }, []);

  return { state, start, cancel };
}
