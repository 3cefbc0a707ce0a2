import { ComingSoonPage } from '../features/areas/ComingSoonPage';
import { NotFoundPage } from '../features/areas/NotFoundPage';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { areaForPath } from './areas';

export function RouteView({ path }: { path: string }) {
  const area = areaForPath(path);
  if (!area) return <NotFoundPage />;
  if (area.id === 'dashboard') return <DashboardPage />;
  if (area.id === 'settings') return <SettingsPage />;
  if (area.soon) return <ComingSoonPage key={area.id} title={area.title} soon={area.soon} icon={area.icon} />;
  return <NotFoundPage />;
}
