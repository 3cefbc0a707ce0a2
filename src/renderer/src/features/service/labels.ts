import type { TicketPriority, TicketStatus } from '../../../../shared/contract';
import type { MessageKey, Translate } from '../../i18n';

/** Labels for the ticket codes; every code of the contract has its key under 'service.status.*' etc. */
export const statusLabel = (t: Translate, status: string) => t(`service.status.${status}` as MessageKey);
export const priorityLabel = (t: Translate, priority: string) => t(`service.priority.${priority}` as MessageKey);
export const channelLabel = (t: Translate, channel: string) => t(`service.channel.${channel}` as MessageKey);
export const queueLabel = (t: Translate, queue: string) => t(`service.queue.${queue}` as MessageKey);

export const STATUS_COLORS: Record<TicketStatus, string> = {
  new: 'blue',
  open: 'cyan',
  waiting_customer: 'yellow',
  waiting_third_party: 'grape',
  solved: 'teal',
  closed: 'gray',
};

export const PRIORITY_COLORS: Record<TicketPriority, string> = {
  low: 'gray',
  normal: 'blue',
  high: 'orange',
  urgent: 'red',
};
