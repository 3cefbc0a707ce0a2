import { Text, Timeline } from '@mantine/core';
import type { AuditEntry, OrderDetail } from '../../../../../shared/contract';
import { useI18n } from '../../../i18n';
import { useDateTime } from '../dateTime';
import { codeLabel } from '../labels';
import { Section } from './Section';

/** Who changed what here, and when: notes, tags and local refunds, newest first. */
export function AuditSection({ order }: { order: OrderDetail }) {
  const { t } = useI18n();
  const dateTime = useDateTime();
  return (
    <Section title={t('orders.section.audit')} testId="order-audit">
      {order.audit.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('orders.audit.empty')}
        </Text>
      ) : (
        <Timeline bulletSize={10} lineWidth={2}>
          {order.audit.map((entry) => (
            <Timeline.Item
              key={entry.id}
              title={<Text size="sm" fw={500}>{codeLabel(t, 'orders.audit.action', entry.action)}</Text>}
              data-testid="order-audit-entry"
              data-action={entry.action}
            >
              <AuditDetail entry={entry} currency={order.currency} />
              <Text size="xs" c="dimmed">
                {entry.staff?.name ?? t('orders.audit.system')} · {dateTime(entry.at)}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Section>
  );
}

function AuditDetail({ entry, currency }: { entry: AuditEntry; currency: string }) {
  const { t, format } = useI18n();
  const { detail } = entry;
  let text: string | null = null;
  if (entry.action === 'note.set') {
    text = typeof detail['after'] === 'string' ? `“${detail['after']}”` : t('orders.audit.noteCleared');
  } else if (entry.action === 'tags.set') {
    const tags = Array.isArray(detail['after']) ? (detail['after'] as unknown[]).map(String) : [];
    text = tags.length ? tags.join(', ') : t('orders.audit.tagsNone');
  } else if (entry.action === 'refund.local' && typeof detail['amountMinor'] === 'number') {
    const points = typeof detail['pointsReversed'] === 'number' ? detail['pointsReversed'] : 0;
    const money = format.money(detail['amountMinor'], typeof detail['currency'] === 'string' ? detail['currency'] : currency);
    text = t('orders.audit.refundDetail', { amount: money, points: format.number(points) });
  }
  if (!text) return null;
  return (
    <Text size="sm" lineClamp={3}>
      {text}
    </Text>
  );
}
