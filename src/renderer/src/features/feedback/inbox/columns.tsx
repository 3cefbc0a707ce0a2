import { Anchor, Badge, Stack, Text } from '@mantine/core';
import type { FeedbackItem } from '../../../../../shared/contract';
import type { TableColumn } from '../../../components/table';
import type { Formatters, Translate } from '../../../i18n';
import { sourceLabel, statusLabel } from '../labels';
import { ticketHref } from '../routes';
import { SentimentBadge, TopicBadges } from './Badges';
import { RatingBadge } from './RatingBadge';

const excerpt = (item: FeedbackItem) => [item.title, item.body].filter(Boolean).join(' — ');

export function inboxColumns(t: Translate, format: Formatters): TableColumn<FeedbackItem>[] {
  return [
    { id: 'date', header: t('feedback.col.date'), width: 115, render: (r) => format.date(r.createdAt.slice(0, 10)) },
    { id: 'source', header: t('feedback.col.source'), width: 80, render: (r) => sourceLabel(t, r.source) },
    { id: 'rating', header: t('feedback.col.rating'), width: 90, render: (r) => <RatingBadge item={r} /> },
    {
      id: 'text', header: t('feedback.col.text'), width: 220,
      render: (r) => (
        <Text size="sm" truncate="end" title={excerpt(r)} c={excerpt(r) ? undefined : 'dimmed'}>
          {excerpt(r) || t('feedback.noText')}
        </Text>
      ),
    },
    {
      id: 'customer', header: t('feedback.col.customerProduct'), width: 180,
      render: (r) => (
        <Stack gap={0} miw={0}>
          <Text size="sm" truncate="end" lh={1.3}>{r.customer?.name ?? '—'}</Text>
          {r.product && <Text size="xs" c="dimmed" truncate="end" lh={1.3} title={r.product.title}>{r.product.title}</Text>}
        </Stack>
      ),
    },
    { id: 'sentiment', header: t('feedback.col.sentiment'), width: 100, render: (r) => <SentimentBadge sentiment={r.sentiment} score={r.sentimentScore} /> },
    { id: 'topics', header: t('feedback.col.topics'), width: 130, render: (r) => <TopicBadges topics={r.topics} max={2} /> },
    {
      id: 'status', header: t('feedback.col.status'), width: 130,
      render: (r) => <Badge size="sm" tt="none" variant={r.status === 'new' ? 'filled' : 'light'} color={r.status === 'new' ? 'blue' : 'gray'}>{statusLabel(t, r.status)}</Badge>,
    },
    {
      id: 'ticket', header: t('feedback.col.ticket'), width: 80,
      render: (r) => r.ticketId === null ? '—' : (
        <Anchor href={ticketHref(r.ticketId)} size="sm" onClick={(e) => e.stopPropagation()} data-testid="feedback-ticket-link">
          #{r.ticketId}
        </Anchor>
      ),
    },
  ];
}
