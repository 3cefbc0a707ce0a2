import { Anchor, Button, Group, Paper, Stack, Text, ThemeIcon, Timeline, Title } from '@mantine/core';
import {
  IconArrowBackUp,
  IconCoins,
  IconHeadset,
  IconHistory,
  IconMessageStar,
  IconReceipt,
  type Icon,
} from '@tabler/icons-react';
import { useMemo } from 'react';
import type { CustomerTimelineItem, CustomerTimelineKind, CustomerTimelinePage } from '../../../../../shared/contract';
import { hrefFor } from '../../../app/router';
import { QueryError } from '../../../components/QueryError';
import { useI18n, type I18n } from '../../../i18n';
import { useOlderTimeline } from '../api';
import { statusLabel } from '../format';
import { TIMELINE_KIND_LABEL } from '../labels';

const KIND_ICON: Record<CustomerTimelineKind, Icon> = {
  order: IconReceipt,
  ticket: IconHeadset,
  return: IconArrowBackUp,
  feedback: IconMessageStar,
  points: IconCoins,
  audit: IconHistory,
};

const KIND_COLOR: Record<CustomerTimelineKind, string> = {
  order: 'brand',
  ticket: 'violet',
  return: 'orange',
  feedback: 'yellow',
  points: 'teal',
  audit: 'gray',
};

/**
 * Everything that happened with this customer on one line, newest first:
 * orders, tickets, returns, feedback, points and local changes. The profile
 * brings the newest items; older ones load on request.
 */
export function CustomerTimeline({ customerId, firstPage }: { customerId: number; firstPage: CustomerTimelinePage }) {
  const i18n = useI18n();
  const { t } = i18n;
  const older = useOlderTimeline(customerId, firstPage.nextBefore);
  const items = useMemo(
    () => [...firstPage.items, ...(older.data?.pages.flatMap((page) => page.items) ?? [])],
    [firstPage.items, older.data],
  );
  const hasMore = older.data ? older.hasNextPage : firstPage.nextBefore !== null;

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="profile-timeline-title">
      <Title order={2} fz="lg" mb="md" id="profile-timeline-title">
        {t('customers.timeline.title')}
      </Title>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="timeline-empty">
          {t('customers.timeline.empty')}
        </Text>
      ) : (
        <Timeline bulletSize={28} lineWidth={2} data-testid="profile-timeline">
          {items.map((item) => {
            const KindIcon = KIND_ICON[item.kind];
            return (
              <Timeline.Item
                key={`${item.kind}-${item.id}`}
                bullet={
                  <ThemeIcon size={28} radius="xl" variant="light" color={KIND_COLOR[item.kind]} aria-hidden>
                    <KindIcon size={15} />
                  </ThemeIcon>
                }
                data-testid="timeline-item"
                data-kind={item.kind}
                data-at={item.at}
              >
                <TimelineEntry item={item} i18n={i18n} />
              </Timeline.Item>
            );
          })}
        </Timeline>
      )}
      <Stack gap="xs" mt="md" align="flex-start">
        {older.isError && <QueryError error={older.error} onRetry={() => void older.fetchNextPage()} />}
        {hasMore ? (
          <Button
            variant="default"
            size="xs"
            loading={older.isFetching}
            onClick={() => void older.fetchNextPage()}
            data-testid="timeline-load-more"
          >
            {t('customers.timeline.loadMore')}
          </Button>
        ) : (
          items.length > 0 && <Text size="xs" c="dimmed">{t('customers.timeline.end')}</Text>
        )}
      </Stack>
    </Paper>
  );
}

function TimelineEntry({ item, i18n }: { item: CustomerTimelineItem; i18n: I18n }) {
  const { t } = i18n;
  const when = useDateTime(item.at, i18n);
  const { title, detail, orderId } = describe(item, i18n);
  return (
    <Stack gap={2}>
      <Group gap={6} wrap="wrap">
        <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
          {t(TIMELINE_KIND_LABEL[item.kind])}
        </Text>
        <Text size="xs" c="dimmed">
          {when}
        </Text>
      </Group>
      {item.kind === 'order' ? (
        <Anchor href={hrefFor(`/orders/${item.id}`)} size="sm" fw={500}>
          {title}
        </Anchor>
      ) : (
        <Text size="sm" fw={500}>
          {title}
        </Text>
      )}
      {detail && (
        <Text size="sm" c="dimmed" lineClamp={3}>
          {detail}
        </Text>
      )}
      {orderId !== null && item.kind !== 'order' && (
        <Anchor href={hrefFor(`/orders/${orderId}`)} size="xs">
          {t('customers.timeline.openOrder')}
        </Anchor>
      )}
    </Stack>
  );
}

/** A title and an optional second line per kind, in the merchant's words. */
function describe(item: CustomerTimelineItem, { t, format }: I18n): { title: string; detail?: string; orderId: number | null } {
  switch (item.kind) {
    case 'order':
      return {
        title: t('customers.timeline.order', { number: item.orderNumber, amount: format.money(item.totalMinor, item.currency) }),
        detail: [
          item.status === 'cancelled' ? statusLabel(t, 'orders.status', item.status) : statusLabel(t, 'orders.financial', item.financialStatus),
          item.refundedMinor > 0 ? t('customers.orders.refunded', { amount: format.money(item.refundedMinor, item.currency) }) : '',
        ].filter(Boolean).join(' · '),
        orderId: item.id,
      };
    case 'ticket':
      return {
        title: t('customers.timeline.ticket', { subject: item.subject }),
        detail: [
          statusLabel(t, 'orders.code.ticketChannel', item.channel),
          statusLabel(t, 'orders.code.priority', item.priority),
          statusLabel(t, 'orders.code.ticket', item.status),
        ].join(' · '),
        orderId: item.orderId,
      };
    case 'return':
      return {
        title: t('customers.timeline.return', { rma: item.rmaNumber, reason: item.reason.replace(/_/g, ' ') }),
        detail: [
          statusLabel(t, 'orders.code.return', item.status),
          item.refundMinor !== null ? format.money(item.refundMinor, item.currency) : '',
        ].filter(Boolean).join(' · '),
        orderId: item.orderId,
      };
    case 'feedback':
      return {
        title: [
          t('customers.timeline.feedback', { source: item.source.replace(/_/g, ' ') }),
          item.rating !== null ? t('customers.timeline.rating', { rating: item.rating }) : '',
        ].filter(Boolean).join(' · '),
        detail: [item.title, item.body].filter(Boolean).join(' — ') || undefined,
        orderId: item.orderId,
      };
    case 'points':
      return {
        title: t('customers.timeline.points', {
          points: `${item.points > 0 ? '+' : ''}${format.number(item.points)}`,
          // The reason says which way (into or from which customer, points or debt).
          type: item.viaMerge ? t('customers.timeline.entry.merge') : statusLabel(t, 'customers.timeline.entry', item.entryType),
        }),
        detail: item.reason ?? undefined,
        orderId: item.orderId,
      };
    case 'audit':
      return {
        title: statusLabel(t, 'customers.timeline.action', item.action),
        detail: item.staff ? t('customers.timeline.by', { name: item.staff.name }) : undefined,
        orderId: null,
      };
  }
}

/** Date and time in UTC, labelled, as the orders area shows them. */
function useDateTime(iso: string, { locale }: I18n): string {
  return useMemo(
    () =>
      `${new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(iso))} UTC`,
    [iso, locale],
  );
}
