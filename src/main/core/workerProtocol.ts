import type { PushMessage } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import type { CoreOptions } from './types';

/** Messages between a core worker thread and its host. Plain data only (structured clone). */
export type HostToWorker =
  | { type: 'invoke'; id: number; name: string; input: unknown }
  | { type: 'close' };

export type WorkerToHost =
  | { type: 'ready' }
  | { type: 'failed'; message: string }
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'event'; message: PushMessage }
  | { type: 'closed' };

export type WorkerData = CoreOptions;
