import { useCallback, useRef, useState } from 'react';
import type { CustomerSegment } from '../../../../../shared/contract';
import { invoke } from '../../../api';

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
      const parts: string[] = [];
      let done = 0;
      let cursor: string | undefined;
      try {
        do {
          const chunk = await invoke('segments.export', {
            segment,
            onlyMarketingConsent,
            pageSize: CHUNK_ROWS,
            ...(cursor && { cursor }),
          });
          if (token.cancelled) return { kind: 'cancelled' };
          parts.push(chunk.csv);
          done += chunk.rows;
          setState({ status: 'running', segment, done, total: chunk.total });
          cursor = chunk.nextCursor ?? undefined;
        } while (cursor);
      } catch (error) {
        if (token.cancelled) return { kind: 'cancelled' };
        setState({ status: 'idle' });
        return { kind: 'failed', segment, error };
      }
      setState({ status: 'idle' });
      if (done === 0) return { kind: 'empty', segment };
      const fileName = `customers-${segment}-${new Date().toISOString().slice(0, 10)}.csv`;
      // A byte-order mark, so spreadsheet programs read names in any script as UTF-8.
      downloadFile(new Blob(['\ufeff', ...parts], { type: 'text/csv;charset=utf-8' }), fileName);
      return { kind: 'done', segment, rows: done, fileName };
    },
    [],
  );

  const cancel = useCallback(() => {
    if (run.current) run.current.cancelled = true;
    setState({ status: 'idle' });
  }, []);

  return { state, start, cancel };
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
