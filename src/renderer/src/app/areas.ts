import {
  IconArrowBackUp,
  IconAward,
  IconCreditCard,
  IconHeadset,
  IconLayoutDashboard,
  IconMessageStar,
  IconReceipt,
  IconRefresh,
  IconSettings,
  IconSparkles,
  IconSpeakerphone,
  IconTruckDelivery,
  IconUsers,
  IconUsersGroup,
  type Icon,
} from '@tabler/icons-react';
import type { MessageKey } from '../i18n';

/** The console's areas, in navigation order. `soon` marks those not built yet. */
export interface Area {
  id: string;
  path: string;
  icon: Icon;
  title: MessageKey;
  /** What the area will do, shown on its page until it is built. */
  soon?: MessageKey;
}

export const AREAS: readonly Area[] = [
  { id: 'dashboard', path: '/dashboard', icon: IconLayoutDashboard, title: 'area.dashboard.title' },
  { id: 'orders', path: '/orders', icon: IconReceipt, title: 'area.orders.title' },
  { id: 'customers', path: '/customers', icon: IconUsers, title: 'area.customers.title' },
  { id: 'loyalty', path: '/loyalty', icon: IconAward, title: 'area.loyalty.title' },
  { id: 'campaigns', path: '/campaigns', icon: IconSpeakerphone, title: 'area.campaigns.title' },
  { id: 'community', path: '/community', icon: IconUsersGroup, title: 'area.community.title' },
  { id: 'service', path: '/service', icon: IconHeadset, title: 'area.service.title' },
  { id: 'returns', path: '/returns', icon: IconArrowBackUp, title: 'area.returns.title' },
  { id: 'feedback', path: '/feedback', icon: IconMessageStar, title: 'area.feedback.title' },
  { id: 'logistics', path: '/logistics', icon: IconTruckDelivery, title: 'area.logistics.title' },
  { id: 'payments', path: '/payments', icon: IconCreditCard, title: 'area.payments.title' },
  { id: 'recommendations', path: '/recommendations', icon: IconSparkles, title: 'area.recommendations.title' },
  { id: 'sync', path: '/sync', icon: IconRefresh, title: 'area.sync.title' },
  { id: 'settings', path: '/settings', icon: IconSettings, title: 'area.settings.title' },
];

/** The area a path belongs to: its own path, or below it ("/customers/42" is in customers). */
export const areaForPath = (path: string): Area | undefined =>
  AREAS.find((a) => a.path === path || path.startsWith(`${a.path}/`));
