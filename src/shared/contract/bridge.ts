import type { Result } from '../errors';
import type { PushEventName, PushEvents } from './events';

/**
 * What preload exposes as `window.backroom`, and nothing else. Generic on
 * purpose: the renderer's client narrows the types from the contract, the
 * core validates every input, so the bridge needs no knowledge of operations.
 */
export interface BackroomBridge {
  invoke(name: string, input: unknown): Promise<Result<unknown>>;
  on<E extends PushEventName>(event: E, listener: (payload: PushEvents[E]) => void): () => void;
}

/** The single IPC channel for operations, and the one for push events. */
export const IPC_INVOKE_CHANNEL = 'backroom:invoke';
export const IPC_EVENT_CHANNEL = 'backroom:event';
