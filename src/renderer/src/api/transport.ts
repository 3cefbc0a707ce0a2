import type { BackroomBridge, PushEventName, PushEvents } from '../../../shared/contract';
import type { Result } from '../../../shared/errors';
import { httpTransport } from './httpTransport';

declare global {
  interface Window {
    /** Present only inside the Electron window, put there by preload. */
    backroom?: BackroomBridge;
  }
}

/** How operations and push events travel: Electron IPC or HTTP + SSE, same contract. */
export interface Transport {
  invoke(name: string, input: unknown): Promise<Result<unknown>>;
  on<E extends PushEventName>(event: E, listener: (payload: PushEvents[E]) => void): () => void;
}

function ipcTransport(bridge: BackroomBridge): Transport {
  return {
    async invoke(name, input) {
      try {
        return await bridge.invoke(name, input);
      } catch {
        // The bridge itself returns errors as values; a rejection means the shell broke.
        return { ok: false, error: { code: 'INTERNAL', message: 'The IPC call failed' } };
      }
    },
    on: (event, listener) => bridge.on(event, listener),
  };
}

let current: Transport | undefined;

export function transport(): Transport {
  current ??= window.backroom ? ipcTransport(window.backroom) : httpTransport();
  return current;
}
