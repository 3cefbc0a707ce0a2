import { NotFoundPage } from '../areas/NotFoundPage';
import { ServiceAdminPage } from './admin/ServiceAdminPage';
import { QueuesPage } from './queues/QueuesPage';
import { parseServicePath } from './routes';
import { TicketPage } from './ticket/TicketPage';

/** The service desk; sub-paths ("/service/…") arrive in `path`. */
export function ServicePage({ path }: { path: string }) {
  const route = parseServicePath(path);
  if (route.kind === 'admin') return <ServiceAdminPage path={route.path} />;
  if (route.kind === 'ticket') return <TicketPage key={route.id} id={route.id} />;
  if (route.kind === 'queue') return <QueuesPage queue={route.queue} />;
  return <NotFoundPage />;
}
