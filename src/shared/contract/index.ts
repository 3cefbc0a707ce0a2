import type { z } from 'zod';
import type { Operation } from './operation';
import { appOperations } from './app';
import { dashboardOperations } from './dashboard';
import { loyaltyOperations } from './loyalty';
import { ordersOperations } from './orders';
import { customersOperations } from './customers';
import { viewsOperations } from './views';
import { ticketsOperations } from './tickets';
import { slaOperations } from './sla';
import { macrosOperations } from './macros';
import { returnsOperations } from './returns';
import { feedbackOperations } from './feedback';
import { syncOperations } from './sync';
import { recsOperations } from './recs';
import { logisticsOperations } from './logistics';
import { insightsOperations } from './insights';
import { campaignsOperations } from './campaigns';
import { communityOperations } from './community';

export * from './operation';
export * from './events';
export * from './common';
export * from './app';
export * from './dashboard';
export * from './loyalty';
export * from './orders';
export * from './customers';
export * from './views';
export * from './tickets';
export * from './sla';
export * from './macros';
export * from './returns';
export * from './feedback';
export * from './sync';
export * from './recs';
export * from './logistics';
export * from './insights';
export * from './campaigns';
export * from './community';
export * from './audit';
export * from './bridge';

/**
 * The one contract. Every operation the renderer (over IPC or HTTP) can ask of
 * the core is listed here. Areas contribute their own table; a name may appear
 * only once (checked in tests/unit/contract.test.ts).
 */
export const contract = {
  ...appOperations,
  ...dashboardOperations,
  ...loyaltyOperations,
  ...ordersOperations,
  ...customersOperations,
  ...viewsOperations,
  ...ticketsOperations,
  ...slaOperations,
  ...macrosOperations,
  ...returnsOperations,
  ...feedbackOperations,
  ...syncOperations,
  ...recsOperations,
  ...logisticsOperations,
  ...insightsOperations,
  ...campaignsOperations,
  ...communityOperations,
} as const;

export type Contract = typeof contract;
export type OperationName = keyof Contract;

/** What a caller passes (before zod defaults/transforms). */
export type InputOf<N extends OperationName> = z.input<Contract[N]['input']>;
/** What a handler receives (after validation). */
export type ParsedInputOf<N extends OperationName> = z.output<Contract[N]['input']>;
export type OutputOf<N extends OperationName> =
  Contract[N] extends Operation<z.ZodType, infer O> ? O : never;

export function isOperationName(name: string): name is OperationName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
