import { Alert, Button, Group, Modal, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { TICKET_CHANNELS, TICKET_PRIORITIES, type TicketChannel, type TicketPriority } from '../../../../../shared/contract';
import { invoke } from '../../../api';
import { useActingStaff } from '../../../app/actingStaff';
import { navigate } from '../../../app/router';
import { useI18n } from '../../../i18n';
import { refusalSentence } from '../../loyalty/issues';
import { newIdempotencyKey, useCreateTicket } from '../api';
import { useCustomer } from '../customer/api';
import { channelLabel, priorityLabel } from '../labels';
import { ticketPath } from '../routes';

/** A ticket typed in by hand: the phone case (a customer calls, the agent writes down what they said). */
export function NewTicketModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t, format } = useI18n();
  const staff = useActingStaff();
  const create = useCreateTicket();
  const key = useRef(newIdempotencyKey('ticket'));
  const [channel, setChannel] = useState<TicketChannel>('phone');
  const [subject, setSubject] = useState('');
  const [customerId, setCustomerId] = useState<number | null>(null);
  const [orderId, setOrderId] = useState<number | null>(null);
  const [priority, setPriority] = useState<TicketPriority>('normal');
  const [message, setMessage] = useState('');
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const [subjectError, setSubjectError] = useState<string | null>(null);

  const customers = useQuery({
    queryKey: ['customers', 'list', 'ticket-picker', debounced],
    queryFn: () => invoke('customers.list', { filter: { search: debounced }, limit: 10 }),
    enabled: opened && debounced.length >= 2,
    placeholderData: keepPreviousData,
  });
  const customer = useCustomer(customerId);
  const orders = customerId === null ? [] : (customer.data?.recentOrders ?? []);

  const close = () => {
    create.reset();
    setSubject('');
    setCustomerId(null);
    setOrderId(null);
    setMessage('');
    setSearch('');
    setSubjectError(null);
    key.current = newIdempotencyKey('ticket');
    onClose();
  };

  const submit = () => {
    if (!staff) return;
    if (!subject.trim()) return setSubjectError(t('service.new.subjectRequired'));
    create.mutate(
      {
        staffId: staff.id,
        source: {
          kind: 'manual',
          channel,
          subject: subject.trim(),
          ...(customerId !== null && { customerId }),
          ...(orderId !== null && { orderId }),
        },
        priority,
        ...(message.trim() && { message: { body: message.trim(), author: 'customer' as const } }),
        idempotencyKey: key.current,
      },
      {
        onSuccess: (ticket) => {
          close();
          navigate(ticketPath(ticket.id));
        },
      },
    );
  };

  const customerOptions = (customers.data?.rows ?? []).map((c) => ({
    value: String(c.id),
    label: [c.name, c.email ?? c.phone].filter(Boolean).join(' · ') || `#${c.id}`,
  }));
  if (customerId !== null && !customerOptions.some((o) => o.value === String(customerId)) && customer.data) {
    customerOptions.unshift({ value: String(customerId), label: [customer.data.name, customer.data.email].filter(Boolean).join(' · ') });
  }

  return (
    <Modal opened={opened} onClose={close} title={t('service.new.title')} size="lg" data-testid="new-ticket-modal">
      <form onSubmit={(event) => { event.preventDefault(); submit(); }} noValidate>
        <Stack gap="sm">
          <Group grow>
            <Select label={t('service.new.channel')} data={TICKET_CHANNELS.map((c) => ({ value: c, label: channelLabel(t, c) }))} value={channel} allowDeselect={false} onChange={(v) => v && setChannel(v as TicketChannel)} data-testid="new-ticket-channel" />
            <Select label={t('service.new.priority')} data={TICKET_PRIORITIES.map((p) => ({ value: p, label: priorityLabel(t, p) }))} value={priority} allowDeselect={false} onChange={(v) => v && setPriority(v as TicketPriority)} data-testid="new-ticket-priority" />
          </Group>
          <TextInput label={t('service.new.subject')} withAsterisk value={subject} maxLength={200} error={subjectError} onChange={(e) => { setSubject(e.currentTarget.value); setSubjectError(null); }} data-autofocus data-testid="new-ticket-subject" />
          <Select
            label={t('service.new.customer')}
            description={t('service.new.customerHint')}
            placeholder={t('service.new.customerPlaceholder')}
            searchable
            clearable
            filter={({ options }) => options}
            searchValue={search}
            onSearchChange={setSearch}
            data={customerOptions}
            value={customerId === null ? null : String(customerId)}
            onChange={(v) => { setCustomerId(v === null ? null : Number(v)); setOrderId(null); }}
            nothingFoundMessage={debounced.length >= 2 && !customers.isFetching ? t('service.new.noCustomers') : undefined}
            data-testid="new-ticket-customer"
          />
          <Select
            label={t('service.new.order')}
            placeholder={customerId === null ? t('service.new.orderNeedsCustomer') : t('service.new.orderOptional')}
            disabled={customerId === null}
            clearable
            data={orders.map((o) => ({ value: String(o.id), label: `${o.orderNumber} · ${format.date(o.placedAt)} · ${format.money(o.totalMinor, o.currency)}` }))}
            value={orderId === null ? null : String(orderId)}
            onChange={(v) => setOrderId(v === null ? null : Number(v))}
            data-testid="new-ticket-order"
          />
          <Textarea label={t('service.new.message')} description={t('service.new.messageHint')} autosize minRows={3} maxRows={8} maxLength={20_000} value={message} onChange={(e) => setMessage(e.currentTarget.value)} data-testid="new-ticket-message" />
          {!staff && <Alert color="orange">{t('service.noStaff')}</Alert>}
          {create.isError && <Alert color="red" variant="light" role="alert" data-testid="new-ticket-error">{refusalSentence(t, create.error)}</Alert>}
          {staff && <Text size="xs" c="dimmed">{t('service.actingAs', { name: staff.name })}</Text>}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>{t('service.cancel')}</Button>
            <Button type="submit" loading={create.isPending} disabled={!staff} data-testid="new-ticket-submit">{t('service.new.submit')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
