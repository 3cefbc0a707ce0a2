import { ComingSoonPage } from '../features/areas/ComingSoonPage';
import { NotFoundPage } from '../features/areas/NotFoundPage';
import { CustomersPage } from '../features/customers/CustomersPage';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { LoyaltyPage } from '../features/loyalty/LoyaltyPage';
import { OrdersPage } from '../features/orders/OrdersPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { ServicePage } from '../features/service/ServicePage';
import { ReturnsPage } from '../features/returns/ReturnsPage';
import { FeedbackPage } from '../features/feedback/FeedbackPage';
import { SyncPage } from '../features/sync/SyncPage';
import { RecommendationsPage } from '../features/recommendations/RecommendationsPage';
import { LogisticsPage } from '../features/logistics/LogisticsPage';
import { PaymentsPage } from '../features/payments/PaymentsPage';
import { CampaignsPage } from '../features/campaigns/CampaignsPage';
import { CommunityPage } from '../features/community/CommunityPage';
import { areaForPath } from './areas';

export function RouteView({ path }: { path: string }) {
  const area = areaForPath(path);
  if (!area) return <NotFoundPage />;
  if (path !== area.path && !['orders', 'customers', 'loyalty', 'service', 'returns', 'feedback', 'sync', 'recommendations', 'logistics', 'campaigns', 'community'].includes(area.id)) return <NotFoundPage />;
  if (area.id === 'dashboard') return <DashboardPage />;
  if (area.id === 'settings') return <SettingsPage />;
  // Areas with pages below them ("/customers/42") read the rest of the path themselves.
  if (area.id === 'orders') return <OrdersPage path={path} />;
  if (area.id === 'customers') return <CustomersPage path={path} />;
  if (area.id === 'loyalty') return <LoyaltyPage path={path} />;
  if (area.id === 'service') return <ServicePage path={path} />;
  if (area.id === 'returns') return <ReturnsPage path={path} />;
  if (area.id === 'feedback') return <FeedbackPage path={path} />;
  if (area.id === 'sync') return <SyncPage path={path} />;
  if (area.id === 'recommendations') return <RecommendationsPage path={path} />;
  if (area.id === 'logistics') return <LogisticsPage path={path} />;
  if (area.id === 'payments') return <PaymentsPage />;
  if (area.id === 'campaigns') return <CampaignsPage path={path} />;
  if (area.id === 'community') return <CommunityPage path={path} />;
  if (area.soon) return <ComingSoonPage key={area.id} title={area.title} soon={area.soon} icon={area.icon} />;
  return <NotFoundPage />;
}
