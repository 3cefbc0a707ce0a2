import { Button, EmptyState } from '@mantine/core';
import { IconFilterOff, IconInboxOff, IconPlus } from '@tabler/icons-react';
import type { QueueName } from '../../../../../shared/contract';
import { useT, type MessageKey } from '../../../i18n';

/** No tickets here: say why (filters, or a queue that is simply clear) and what to do next. */
export function TicketsEmpty({ queue, filtered, onClear, onNew }: { queue: QueueName; filtered: boolean; onClear: () => void; onNew: () => void }) {
  const t = useT();
  if (filtered) {
    return (
      <EmptyState icon={<IconFilterOff size={28} />} variant="light" title={t('service.empty.filteredTitle')} description={t('service.empty.filteredBody')} data-testid="tickets-empty">
        <EmptyState.Actions>
          <Button leftSection={<IconFilterOff size={16} />} onClick={onClear}>{t('service.filter.clearAll')}</Button>
        </EmptyState.Actions>
      </EmptyState>
    );
  }
  return (
    <EmptyState
      icon={<IconInboxOff size={28} />}
      variant="light"
      title={t(`service.empty.${queue}.title` as MessageKey)}
      description={t(`service.empty.${queue}.body` as MessageKey)}
      data-testid="tickets-empty"
    >
      <EmptyState.Actions>
        <Button variant="light" leftSection={<IconPlus size={16} />} onClick={onNew}>{t('service.new.open')}</Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}
