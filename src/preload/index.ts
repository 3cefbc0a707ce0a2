import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, type BackroomBridge } from '../shared/contract/bridge';
import { PUSH_EVENT_NAMES, type PushMessage } from '../shared/contract/events';

/**
 * The whole of what the page can reach: `window.backroom = { invoke, on }`.
 * No ipcRenderer, no Node, no event objects cross into the page. This runs in
 * a sandboxed preload, so it is bundled to one CommonJS file that requires
 * nothing but `electron`; import only plain constants from src/shared here.
 */
const knownEvents = new Set<string>(PUSH_EVENT_NAMES);

const bridge: BackroomBridge = {
  invoke: (name, input) => ipcRenderer.invoke(IPC_INVOKE_CHANNEL, String(name), input),
  on: (event, listener) => {
    if (!knownEvents.has(event)) throw new TypeError(`Unknown Backroom event: ${String(event)}`);
    if (typeof listener !== 'function') throw new TypeError('A Backroom event listener must be a function');
    const forward = (_event: IpcRendererEvent, message: PushMessage): void => {
      if (message?.event === event) listener(message.payload as Parameters<typeof listener>[0]);
    };
    ipcRenderer.on(IPC_EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, forward);
    };
  },
};

contextBridge.exposeInMainWorld('backroom', bridge);
