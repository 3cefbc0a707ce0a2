import { Button, EmptyState } from '@mantine/core';
import { IconFilterOff, IconPlugConnected, IconReceiptOff } from '@tabler/icons-react';
import { hrefFor } from '../../app/router';
import { useT } from '../../i18n';

/** No rows: either the filters exclude everything (say how to widen them) or there are no orders at all. */
export function OrdersEmpty({ filtered, onClear }: { filtered: boolean; onClear: () => void }) {
  const t = useT();
  if (filtered) {
    return (
      <EmptyState
        icon={<IconReceiptOff size={28} />}
        variant="light"
        title={t('orders.empty.title')}
        description={t('orders.empty.body')}
        data-testid="orders-empty"
      >
        <EmptyState.Actions>
          <Button leftSection={<IconFilterOff size={16} />} onClick={onClear}>
            {t('orders.filter.clear')}
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    );
  }
  return (
    <EmptyState
      icon={<IconPlugConnected size={28} />}
      variant="light"
      title={t('orders.empty.noneTitle')}
      description={t('orders.empty.noneBody')}
      data-testid="orders-empty"
    >
      <EmptyState.Actions>
        <Button component="a" href={hrefFor('/sync')}>
          {t('orders.empty.connect')}
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}
