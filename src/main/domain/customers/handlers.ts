import type {
  CustomerPage, CustomerProfile, CustomerTimelinePage, DuplicatePage, MergeResult, ParsedInputOf, RfmRecomputeResult,
  SegmentExportChunk, SegmentList,
} from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { HandlerContext } from '../../core/handler';
import { findDuplicates } from './duplicates';
import { listCustomers } from './list';
import { mergeCustomers } from './merge';
import { customerProfile } from './profile';
import { ensureRfm, recomputeAllRfm } from './rfm';
import { exportSegment, listSegments } from './segments';
import { customerTimeline } from './timeline';

export function customersList(input: ParsedInputOf<'customers.list'>, ctx: HandlerContext): CustomerPage {
  return listCustomers(ctx.sqlite, input, ctx.now());
}

export function customersGet(input: ParsedInputOf<'customers.get'>, ctx: HandlerContext): CustomerProfile {
  ensureRfm(ctx.sqlite, ctx.now());
  return customerProfile(ctx, input.id);
}

export function customersTimeline(input: ParsedInputOf<'customers.timeline'>, ctx: HandlerContext): CustomerTimelinePage {
  if (!ctx.sqlite.prepare('SELECT 1 FROM customers WHERE id = ?').get(input.customerId)) {
    throw new AppError('NOT_FOUND', `There is no customer with id ${input.customerId}.`);
  }
  return customerTimeline(ctx.sqlite, input.customerId, input.limit, input.before);
}

export function customersMerge(input: ParsedInputOf<'customers.merge'>, ctx: HandlerContext): MergeResult {
  const result = mergeCustomers(ctx.sqlite, input, ctx.now());
  // Views refetch only after the merge committed.
  if (!result.replayed) ctx.emit('data.changed', { areas: ['customers', 'orders', 'loyalty'] });
  return result;
}

export function customersDuplicates(input: ParsedInputOf<'customers.duplicates'>, ctx: HandlerContext): DuplicatePage {
  return findDuplicates(ctx.sqlite, input);
}

export function customersRfmRecompute(_input: ParsedInputOf<'customers.rfm.recompute'>, ctx: HandlerContext): RfmRecomputeResult {
  const result = recomputeAllRfm(ctx.sqlite, ctx.now());
  ctx.emit('data.changed', { areas: ['customers'] });
  return result;
}

export function segmentsList(input: ParsedInputOf<'segments.list'>, ctx: HandlerContext): SegmentList {
  return listSegments(ctx.sqlite, input, ctx.now());
}

export function segmentsExport(input: ParsedInputOf<'segments.export'>, ctx: HandlerContext): SegmentExportChunk {
  return exportSegment(ctx.sqlite, input, ctx.now());
}

export const customerHandlers = {
  'customers.list': customersList,
  'customers.get': customersGet,
  'customers.timeline': customersTimeline,
  'customers.merge': customersMerge,
  'customers.duplicates': customersDuplicates,
  'customers.rfm.recompute': customersRfmRecompute,
  'segments.list': segmentsList,
  'segments.export': segmentsExport,
};
