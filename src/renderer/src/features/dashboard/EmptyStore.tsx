import { Button, EmptyState, Paper } from '@mantine/core';
import { IconPlugConnected } from '@tabler/icons-react';
import { hrefFor } from '../../app/router';
import { useT } from '../../i18n';

/** No orders at all: say how to get some, show no zeros dressed up as a dashboard. */
export function EmptyStore() {
  const t = useT();
  return (
    <Paper withBorder p="xl" radius="md" data-testid="dashboard-empty">
      <EmptyState
        icon={<IconPlugConnected size={28} />}
        variant="light"
        title={t('dashboard.empty.title')}
        description={t('dashboard.empty.body')}
      >
        <EmptyState.Actions>
          <Button component="a" href={hrefFor('/sync')}>
            {t('dashboard.empty.action')}
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    </Paper>
  );
}
