import type { Handler } from '../../core/handler';
import type { OperationName } from '../../../shared/contract';
import { notYet } from './notYet';

/** Campaigns: each handler a thin call into this folder. */
export const campaignHandlers = {
  'campaigns.list': () => notYet('campaigns.list'),
  'campaigns.get': () => notYet('campaigns.get'),
  'campaigns.create': () => notYet('campaigns.create'),
  'campaigns.update': () => notYet('campaigns.update'),
  'campaigns.cancel': () => notYet('campaigns.cancel'),
  'campaigns.audience.preview': () => notYet('campaigns.audience.preview'),
  'campaigns.launch': () => notYet('campaigns.launch'),
  'campaigns.report': () => notYet('campaigns.report'),
  'campaigns.checkin': () => notYet('campaigns.checkin'),
  'campaigns.coupons.export': () => notYet('campaigns.coupons.export'),
  'campaigns.prices.export': () => notYet('campaigns.prices.export'),
  'campaigns.calendar': () => notYet('campaigns.calendar'),
} satisfies { [N in Extract<OperationName, `campaigns.${string}`>]: Handler<N> };
