import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../shared/contract/bridge';
import { fail, type Result } from '../shared/errors';
import { isSameOrigin } from './shellOrigin';
import type { Core } from './core/types';

/**
 * Binds the contract to Electron IPC: one invoke channel in, one event channel
 * out. Main adds no operations of its own; it checks who is asking and
 * forwards to the core, which validates every input.
 *
 * `core` is a promise so the window can open while the database is opened
 * (and, on first run, the demo store generated); early calls simply wait.
 * Returns a function that unbinds everything.
 */
export function bindIpc(core: Promise<Core>, appOrigin: string): () => void {
  ipcMain.handle(IPC_INVOKE_CHANNEL, async (event, name: unknown, input: unknown): Promise<Result<unknown>> => {
    if (!isTrustedSender(event, appOrigin)) {
      return fail('UNAUTHORIZED', 'Only the Backroom console may call the core.');
    }
    if (typeof name !== 'string') return fail('VALIDATION', 'The operation name must be a string.');
    try {
      return await (await core).invokeByName(name, input);
    } catch (error) {
      // The core answers with values; this is the core failing to start or dying.
      return fail('INTERNAL', `The Backroom core is not available: ${messageOf(error)}`);
    }
  });

  let unsubscribe: (() => void) | null = null;
  let unbound = false;
  void core.then(
    (ready) => {
      if (unbound) return;
      unsubscribe = ready.subscribe((message) => {
        for (const window of BrowserWindow.getAllWindows()) {
          const contents = window.webContents;
          if (!contents.isDestroyed() && isSameOrigin(contents.getURL(), appOrigin)) {
            contents.send(IPC_EVENT_CHANNEL, message);
          }
        }
      });
    },
    () => undefined,
  );

  return () => {
    unbound = true;
    ipcMain.removeHandler(IPC_INVOKE_CHANNEL);
    unsubscribe?.();
  };
}

/** The call must come from the main frame of a page on the app's own origin. */
function isTrustedSender(event: IpcMainInvokeEvent, appOrigin: string): boolean {
  const frame = event.senderFrame;
  if (!frame || frame !== event.sender.mainFrame) return false;
  return isSameOrigin(frame.url, appOrigin);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
