/** Push events from the core to every connected window or browser. */
export interface PushEvents {
  'job.progress': { jobId: string; kind: string; done: number; total: number | null; message?: string };
  'job.finished': { jobId: string; kind: string; ok: boolean; message?: string };
  /** Something changed the data behind these areas; views refetch. */
  'data.changed': { areas: string[] };
}

export type PushEventName = keyof PushEvents;

export const PUSH_EVENT_NAMES: readonly PushEventName[] = ['job.progress', 'job.finished', 'data.changed'];

export interface PushMessage<N extends PushEventName = PushEventName> {
  event: N;
  payload: PushEvents[N];
}
