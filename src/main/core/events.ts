import type { PushEventName, PushEvents, PushMessage } from '../../shared/contract';

export type Listener = (message: PushMessage) => void;

/** Fan-out of push events to every window, browser or worker host listening. */
export class EventHub {
  private readonly listeners = new Set<Listener>();

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends PushEventName>(event: E, payload: PushEvents[E]): void {
    const message = { event, payload } as PushMessage;
    for (const listener of this.listeners) {
      try {
        listener(message);
      } catch (error) {
        // One broken listener (a closed window) must not stop the others.
        console.error('[backroom] push listener failed', error);
      }
    }
  }
}
