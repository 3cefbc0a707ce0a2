import { paymentsHandlers } from './payments/handlers';
import { retentionHandlers } from './operations';

/** Payments and retention insights: every insights.* operation and payments.summary. */
export const insightsHandlers = {
  ...paymentsHandlers,
  ...retentionHandlers,
};
