import { parentPort, workerData } from 'node:worker_threads';
import { openCore } from './index';
import type { Core } from './types';
import type { HostToWorker, WorkerData, WorkerToHost } from './workerProtocol';

/**
 * Entry of the core's worker thread. better-sqlite3 is synchronous, so the
 * database lives here and the process that owns windows or sockets stays free.
 */
const port = parentPort;
if (!port) throw new Error('core/worker.ts must run in a worker thread');

const send = (message: WorkerToHost): void => port.postMessage(message);

async function main(options: WorkerData): Promise<void> {
  let core: Core;
  try {
    // The app and the serve CLI run here: loyalty maintenance is on unless the host says `maintenance: false`.
    core = await openCore({ ...options, maintenance: options.maintenance ?? true, syncScheduler: options.syncScheduler ?? true,
      trackingScheduler: options.trackingScheduler ?? true });
  } catch (error) {
    send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
    return;
  }
  core.subscribe((message) => send({ type: 'event', message }));
  port!.on('message', (message: HostToWorker) => {
    if (message.type === 'invoke') {
      void core.invokeByName(message.name, message.input).then((result) =>
        send({ type: 'result', id: message.id, result }),
      );
    } else if (message.type === 'close') {
      void core.close().then(() => {
        send({ type: 'closed' });
        port!.close();
      });
    }
  });
  send({ type: 'ready' });
}

void main(workerData as WorkerData);
