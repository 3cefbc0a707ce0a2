import { QUEUES, type QueueName } from '../../../../shared/contract';

/** What a path under /service shows. */
export type ServiceRoute =
  | { kind: 'queue'; queue: QueueName }
  | { kind: 'ticket'; id: number }
  | { kind: 'admin'; path: string }
  | { kind: 'notFound' };

export const DEFAULT_QUEUE: QueueName = 'all_open';

export const queuePath = (queue: QueueName): string => `/service/${queue}`;
export const ticketPath = (id: number): string => `/service/tickets/${id}`;
export const ADMIN_PATH = '/service/admin';

/** "/service" and "/service/<queue>" list a queue; "/service/tickets/<id>" opens one; "/service/admin…" is the settings. */
export function parseServicePath(path: string): ServiceRoute {
  const rest = path.replace(/^\/service\/?/, '');
  if (rest === '') return { kind: 'queue', queue: DEFAULT_QUEUE };
  if (rest === 'admin' || rest.startsWith('admin/')) return { kind: 'admin', path };
  const ticket = /^tickets\/(\d+)$/.exec(rest);
  if (ticket) return { kind: 'ticket', id: Number(ticket[1]) };
  if ((QUEUES as readonly string[]).includes(rest)) return { kind: 'queue', queue: rest as QueueName };
  return { kind: 'notFound' };
}
