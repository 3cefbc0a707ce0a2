import { Alert, Anchor, Button, Divider, Drawer, Group, Select, Stack, TagsInput, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTicket } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { FEEDBACK_STATUSES, type FeedbackItem, type FeedbackStatus } from '../../../../../shared/contract';
import { ApiError } from '../../../api';
import { useActingStaff } from '../../../app/actingStaff';
import { hrefFor } from '../../../app/router';
import { useI18n } from '../../../i18n';
import { newKey, useOpenTicket, useTopicRules, useUpdateFeedback } from '../api';
import { sourceLabel, statusLabel, topicLabel } from '../labels';
import { ticketHref } from '../routes';
import { SentimentBadge } from './Badges';
import { RatingBadge } from './RatingBadge';

/**
 * One item in full: text, links, sentiment and topics; status and topics
 * saved over the version shown (a stale save shows who won and reloads);
 * the ticket it opened, or a button to open one.
 */
export function FeedbackDrawer({ item, onClose, onFilterProduct }: {
  item: FeedbackItem | null;
  onClose: () => void;
  onFilterProduct: (product: { id: number; title: string }) => void;
}) {
  const { t, format } = useI18n();
  const staff = useActingStaff();
  const update = useUpdateFeedback();
  const openTicket = useOpenTicket();
  const rules = useTopicRules().data?.rules ?? [];
  const [shown, setShown] = useState<FeedbackItem | null>(item);
  const [status, setStatus] = useState<FeedbackStatus>('new');
  const [topics, setTopics] = useState<string[]>([]);
  const [conflict, setConflict] = useState(false);

  useEffect(() => {
    setShown(item);
    setConflict(false);
    if (item) {
      setStatus(item.status);
      setTopics(item.topics);
    }
  }, [item]);

  if (!shown) return <Drawer opened={false} onClose={onClose} />;
  const changed = status !== shown.status || topics.join('\n') !== shown.topics.join('\n');

  const save = () => {
    if (!staff) return;
    update.mutate(
      {
        id: shown.id, staffId: staff.id, expectedVersion: shown.version,
        ...(status !== shown.status ? { status } : {}),
        ...(topics.join('\n') !== shown.topics.join('\n') ? { topics } : {}),
      },
      {
        onSuccess: (saved) => {
          setShown(saved);
          notifications.show({ color: 'teal', message: t('feedback.drawer.saved') });
        },
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'CONFLICT') {
            const current = (error.details as { current?: FeedbackItem } | undefined)?.current;
            if (current) {
              setShown(current);
              setStatus(current.status);
              setTopics(current.topics);
            }
            setConflict(true);
          } else {
            notifications.show({ color: 'red', message: t('feedback.drawer.saveFailed') });
          }
        },
      },
    );
  };

  const ticket = () => {
    if (!staff) return;
    openTicket.mutate({ feedbackId: shown.id, staffId: staff.id, idempotencyKey: newKey() }, {
      onSuccess: (created) => {
        setShown({ ...shown, ticketId: created.id });
        notifications.show({ color: 'teal', message: t('feedback.drawer.ticketOpened', { id: created.id }) });
      },
      onError: () => notifications.show({ color: 'red', message: t('feedback.drawer.ticketFailed') }),
    });
  };

  return (
    <Drawer opened={item !== null} onClose={onClose} position="right" size="md" title={t('feedback.drawer.title', { id: shown.id })} data-testid="feedback-drawer">
      <Stack gap="sm" data-testid="feedback-drawer-body">
        <Group gap="sm">
          <Text size="sm" c="dimmed">{sourceLabel(t, shown.source)} · {format.date(shown.createdAt.slice(0, 10))}</Text>
          <RatingBadge item={shown} />
          <SentimentBadge sentiment={shown.sentiment} score={shown.sentimentScore} />
        </Group>
        {shown.title && <Title order={3} fz="lg">{shown.title}</Title>}
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} c={shown.body ? undefined : 'dimmed'}>{shown.body ?? t('feedback.noText')}</Text>
        <Divider />
        <Stack gap={4}>
          <Text size="sm">
            {t('feedback.col.customer')}: {shown.customer
              ? <Anchor href={hrefFor(`/customers/${shown.customer.id}`)} size="sm">{shown.customer.name ?? `#${shown.customer.id}`}</Anchor>
              : t('feedback.drawer.noCustomer')}
          </Text>
          {shown.order && (
            <Text size="sm">{t('feedback.drawer.order')}: <Anchor href={hrefFor(`/orders/${shown.order.id}`)} size="sm">{shown.order.orderNumber}</Anchor></Text>
          )}
          {shown.product && (
            <Group gap="xs">
              <Text size="sm">{t('feedback.col.product')}: {shown.product.title}</Text>
              <Button size="compact-xs" variant="subtle" onClick={() => shown.product && onFilterProduct(shown.product)}>
                {t('feedback.drawer.onlyThisProduct')}
              </Button>
            </Group>
          )}
          {shown.pointsAwarded > 0 && (
            <Text size="sm" c="teal" data-testid="feedback-points">{t('feedback.drawer.points', { points: format.number(shown.pointsAwarded) })}</Text>
          )}
        </Stack>
        <Divider />
        {conflict && <Alert color="yellow" data-testid="feedback-conflict">{t('feedback.drawer.conflict')}</Alert>}
        <Select
          label={t('feedback.col.status')}
          data={FEEDBACK_STATUSES.map((s) => ({ value: s, label: statusLabel(t, s) }))}
          value={status}
          onChange={(v) => v && setStatus(v as FeedbackStatus)}
          allowDeselect={false}
          data-testid="feedback-status"
        />
        <TagsInput
          label={t('feedback.col.topics')}
          description={t('feedback.drawer.topicsHint')}
          data={rules.map((r) => ({ value: r.topic, label: topicLabel(t, r.topic) }))}
          value={topics}
          onChange={setTopics}
          maxTags={20}
          clearable
        />
        <Group justify="space-between">
          {shown.ticketId !== null ? (
            <Anchor href={ticketHref(shown.ticketId)} size="sm" data-testid="feedback-drawer-ticket">
              {t('feedback.drawer.viewTicket', { id: shown.ticketId })}
            </Anchor>
          ) : (
            <Button variant="default" leftSection={<IconTicket size={16} />} onClick={ticket} loading={openTicket.isPending} disabled={!staff} data-testid="feedback-open-ticket">
              {t('feedback.drawer.openTicket')}
            </Button>
          )}
          <Button onClick={save} disabled={!changed || !staff} loading={update.isPending} data-testid="feedback-save">
            {t('feedback.drawer.save')}
          </Button>
        </Group>
      </Stack>
    </Drawer>
  );
}
