import type { CustomerSegment, CustomerTimelineKind } from '../../../../shared/contract';
import type { MessageKey } from '../../i18n';

/** Each RFM segment's name, one-line meaning and colour (a Mantine colour, so it follows light and dark). */
export const SEGMENT_LABEL: Record<CustomerSegment, MessageKey> = {
  champions: 'customers.segment.champions',
  loyal: 'customers.segment.loyal',
  potential: 'customers.segment.potential',
  new: 'customers.segment.new',
  atRisk: 'customers.segment.atRisk',
  cantLose: 'customers.segment.cantLose',
  hibernating: 'customers.segment.hibernating',
  lost: 'customers.segment.lost',
};

export const SEGMENT_MEANING: Record<CustomerSegment, MessageKey> = {
  champions: 'customers.segmentMeaning.champions',
  loyal: 'customers.segmentMeaning.loyal',
  potential: 'customers.segmentMeaning.potential',
  new: 'customers.segmentMeaning.new',
  atRisk: 'customers.segmentMeaning.atRisk',
  cantLose: 'customers.segmentMeaning.cantLose',
  hibernating: 'customers.segmentMeaning.hibernating',
  lost: 'customers.segmentMeaning.lost',
};

/** The best segments green, the ones to win back orange and red, the sleeping and gone ones violet and grey. */
export const SEGMENT_COLOR: Record<CustomerSegment, string> = {
  champions: 'teal',
  loyal: 'green',
  potential: 'cyan',
  new: 'blue',
  atRisk: 'orange',
  cantLose: 'red',
  hibernating: 'violet',
  lost: 'gray',
};

export const segmentFill = (segment: CustomerSegment): string =>
  `var(--mantine-color-${SEGMENT_COLOR[segment]}-filled)`;

export const TIMELINE_KIND_LABEL: Record<CustomerTimelineKind, MessageKey> = {
  order: 'customers.timeline.kind.order',
  ticket: 'customers.timeline.kind.ticket',
  return: 'customers.timeline.kind.return',
  feedback: 'customers.timeline.kind.feedback',
  points: 'customers.timeline.kind.points',
  audit: 'customers.timeline.kind.audit',
};
