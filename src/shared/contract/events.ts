/** Push events from the core to every connected window or browser. */
export interface PushEvents {
  'job.progress': { jobId: string; kind: string; done: number; total: number | null; message?: string };
  'job.finished': { jobId: string; kind: string; ok: boolean; message?: string };
  /** Something changed the data behind these areas; views refetch. */
  'data.changed': { areas: string[] };
  /** A running sync moved on: which store, resource and page, rows so far, and an estimate when the platform gives totals. */
  'sync.progress': {
    storeId: number; runId: number; resource: string; page: number; fetched: number;
    total: number | null; etaSeconds: number | null; waitingMs?: number; message?: string;
  };
  'sync.finished': { storeId: number; runId: number; status: 'succeeded' | 'failed' | 'cancelled'; message?: string };
  /** Recommendation training or evaluation moved on (id: the model's or the experiment's). */
  'recs.progress': { job: 'train' | 'evaluate'; id: number; phase: string; done: number; total: number | null };
  'recs.finished': { job: 'train' | 'evaluate'; id: number; ok: boolean; message?: string };
}

export type PushEventName = keyof PushEvents;

export const PUSH_EVENT_NAMES: readonly PushEventName[] = ['job.progress', 'job.finished', 'data.changed', 'sync.progress', 'sync.finished',
  'recs.progress', 'recs.finished'];

export interface PushMessage<N extends PushEventName = PushEventName> {
  event: N;
  payload: PushEvents[N];
}
