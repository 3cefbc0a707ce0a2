import type { Handlers } from './handler';
import { appHandlers } from '../domain/app/handlers';
import { dashboardHandlers } from '../domain/dashboard/handlers';
import { loyaltyHandlers } from '../domain/loyalty/handlers';
import { orderHandlers } from '../domain/orders/handlers';
import { customerHandlers } from '../domain/customers/handlers';
import { viewHandlers } from '../domain/views/handlers';
import { serviceHandlers } from '../domain/service/handlers';
import { slaHandlers } from '../domain/service/sla/handlers';
import { returnHandlers } from '../domain/returns/handlers';
import { feedbackHandlers } from '../domain/feedback/handlers';
import { syncHandlers } from '../sync/ops/handlers';
import { recsHandlers } from '../domain/recommend/handlers';
import { logisticsHandlers } from '../domain/logistics/handlers';
import { trackingHandlers } from '../domain/logistics/tracking/handlers';
import { insightsHandlers } from '../domain/insights/handlers';
import { campaignHandlers } from '../domain/campaigns/handlers';
import { drawHandlers } from '../domain/campaigns/draws/handlers';
import { communityHandlers } from '../domain/community/handlers';

/** Every operation of the contract and the area that answers it. */
export const handlers = {
  ...appHandlers,
  ...dashboardHandlers,
  ...loyaltyHandlers,
  ...orderHandlers,
  ...customerHandlers,
  ...viewHandlers,
  ...serviceHandlers,
  ...slaHandlers,
  ...returnHandlers,
  ...feedbackHandlers,
  ...syncHandlers,
  ...recsHandlers,
  ...logisticsHandlers,
  ...trackingHandlers,
  ...insightsHandlers,
  ...campaignHandlers,
  ...drawHandlers,
  ...communityHandlers,
} satisfies Handlers;
