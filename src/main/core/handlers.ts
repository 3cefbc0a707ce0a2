import type { Handlers } from './handler';
import { appHandlers } from '../domain/app/handlers';
import { dashboardHandlers } from '../domain/dashboard/handlers';

/** Every operation of the contract and the area that answers it. */
export const handlers = {
  ...appHandlers,
  ...dashboardHandlers,
} satisfies Handlers;
