import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconGitMerge, IconMail, IconPhone } from '@tabler/icons-react';
import type { DuplicateCustomer, DuplicateGroup } from '../../../../../shared/contract';
import { hrefFor } from '../../../app/router';
import { useI18n } from '../../../i18n';
import { displayName } from '../format';
import { pathForCustomer } from '../routes';

/** The customers of one group side by side, with what each would bring to a merge. */
export function DuplicateGroupCard({
  group,
  onMergeInto,
}: {
  group: DuplicateGroup;
  onMergeInto: (targetId: number) => void;
}) {
  const { t } = useI18n();
  const MatchIcon = group.matchedBy === 'email' ? IconMail : IconPhone;
  return (
    <Paper withBorder p="md" radius="md" data-testid="duplicate-group" data-key={group.key}>
      <Group gap={8} mb="sm">
        <MatchIcon size={16} aria-hidden />
        <Text fw={600} size="sm">
          {t(group.matchedBy === 'email' ? 'customers.duplicates.matchedEmail' : 'customers.duplicates.matchedPhone', {
            key: group.key,
          })}
        </Text>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: Math.min(group.customers.length, 3) }} spacing="md">
        {group.customers.map((customer) => (
          <CustomerColumn
            key={customer.id}
            customer={customer}
            onMergeInto={() => onMergeInto(customer.id)}
          />
        ))}
      </SimpleGrid>
    </Paper>
  );
}

function CustomerColumn({
  customer,
  onMergeInto,
}: {
  customer: DuplicateCustomer;
  onMergeInto: () => void;
}) {
  const { t, format } = useI18n();
  const name = displayName(customer, t('customers.unnamed'));
  const figure = (label: string, value: string, testId: string, raw: number) => (
    <Group justify="space-between" gap="xs" wrap="nowrap">
      <Text size="sm" c="dimmed">{label}</Text>
      <Text size="sm" fw={500} style={{ fontVariantNumeric: 'tabular-nums' }} data-testid={testId} data-value={raw}>
        {value}
      </Text>
    </Group>
  );
  return (
    <Paper withBorder p="sm" radius="md" bg="var(--mantine-color-default-hover)" data-testid="duplicate-customer" data-customer-id={customer.id}>
      <Stack gap={6}>
        <Group gap={6} wrap="nowrap" justify="space-between">
          <Anchor href={hrefFor(pathForCustomer(customer.id))} fw={600} size="sm" truncate="end" aria-label={`${t('customers.duplicates.open')}: ${name}`}>
            {name}
          </Anchor>
          <Text size="xs" c="dimmed" style={{ flex: 'none' }}>
            #{customer.id}
          </Text>
        </Group>
        <Text size="xs" c="dimmed" truncate="end">
          {[customer.email, customer.phone].filter(Boolean).join(' · ') || '—'}
        </Text>
        <Group gap={6}>
          <Badge size="sm" variant="default" tt="none">{customer.storeName}</Badge>
          <Text size="xs" c="dimmed">
            {t('customers.duplicates.since')} {format.date(customer.createdAt)}
          </Text>
        </Group>
        {figure(t('customers.duplicates.orders'), format.number(customer.ordersCount), 'duplicate-orders', customer.ordersCount)}
        {figure(t('customers.duplicates.spend'), format.money(customer.spendMinor, customer.currency), 'duplicate-spend', customer.spendMinor)}
        {figure(t('customers.duplicates.points'), format.number(customer.pointsNet), 'duplicate-points', customer.pointsNet)}
        <Button
          size="xs"
          variant="light"
          leftSection={<IconGitMerge size={14} />}
          onClick={onMergeInto}
          aria-label={t('customers.duplicates.mergeIntoLabel', { name })}
          data-testid="duplicate-merge-into"
          mt={4}
        >
          {t('customers.duplicates.mergeInto')}
        </Button>
      </Stack>
    </Paper>
  );
}
