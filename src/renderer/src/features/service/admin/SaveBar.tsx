import { Badge, Button, Group, Paper, Text } from '@mantine/core';
import { IconDeviceFloppy, IconRestore } from '@tabler/icons-react';
import { useT } from '../../../i18n';

/**
 * The bar above a settings form that stays in view while scrolling: whether
 * anything is unsaved, how many fields need fixing, Reset and Save. Without an
 * acting staff member nothing can be saved (every change names who made it).
 */
export function SaveBar(props: {
  dirty: boolean;
  errorCount: number;
  saving: boolean;
  canSave: boolean;
  onReset: () => void;
  testId: string;
}) {
  const t = useT();
  const { dirty, errorCount, saving, canSave, onReset, testId } = props;
  return (
    <Paper withBorder p="sm" radius="md" pos="sticky" top={64} style={{ zIndex: 5 }} bg="var(--mantine-color-body)" data-testid={`${testId}-savebar`}>
      <Group justify="space-between" gap="sm">
        <Group gap="sm">
          {dirty ? (
            <Badge color="orange" variant="light" data-testid={`${testId}-unsaved`}>
              {t('service.admin.unsaved')}
            </Badge>
          ) : (
            <Text size="sm" c="dimmed">{t('service.admin.allSaved')}</Text>
          )}
          {errorCount > 0 && (
            <Text size="sm" c="red" data-testid={`${testId}-error-count`}>
              {t('service.admin.fixErrors', { count: errorCount })}
            </Text>
          )}
          {!canSave && <Text size="sm" c="red">{t('service.admin.noActingStaff')}</Text>}
        </Group>
        <Group gap="xs">
          <Button variant="default" leftSection={<IconRestore size={16} />} disabled={!dirty || saving} onClick={onReset} data-testid={`${testId}-reset`}>
            {t('service.admin.reset')}
          </Button>
          <Button type="submit" leftSection={<IconDeviceFloppy size={16} />} disabled={!dirty || !canSave} loading={saving} data-testid={`${testId}-save`}>
            {t('service.admin.save')}
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}
