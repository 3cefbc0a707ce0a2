import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { IconGitMerge, IconMail, IconPhone } from '@tabler/icons-react';
import { useQueries } from '@tanstack/react-query';
import type { CustomerProfile, DuplicateCustomer, DuplicateGroup } from '../../../../../shared/contract';
import { invoke } from '../../../api';
import { hrefFor } from '../../../app/router';
import { useI18n } from '../../../i18n';
import { customerProfileKey } from '../api';
import { displayName } from '../format';
import { pathForCustomer } from '../routes';

/** Points held less debt, pending included: what moves with a merge. */
export const netPoints = (profile: CustomerProfile): number =>
  profile.points.approved + profile.points.pending - profile.points.debt;

/**
 * The customers of one group side by side. Spend and points come from each
 * customer's profile (the same query the profile page uses, so they are cached
 * for the merge dialog and for opening the profile).
 */
export function DuplicateGroupCard({
  group,
  onMergeInto,
}: {
  group: DuplicateGroup;
  onMergeInto: (targetId: number) => void;
}) {
  const { t } = useI18n();
  const profiles = useCustomerProfiles(group.customers.map((c) => c.id));
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
        {group.customers.map((customer, index) => (
          <CustomerColumn
            key={customer.id}
            customer={customer}
            profile={profiles[index]}
            onMergeInto={() => onMergeInto(customer.id)}
          />
        ))}
      </SimpleGrid>
    </Paper>
  );
}

export function useCustomerProfiles(ids: number[]): (CustomerProfile | undefined)[] {
  return useQueries({
    queries: ids.map((id) => ({ queryKey: customerProfileKey(id), queryFn: () => invoke('customers.get', { id }) })),
  }).map((query) => query.data);
}

function CustomerColumn({
  customer,
  profile,
  onMergeInto,
}: {
  customer: DuplicateCustomer;
  profile: CustomerProfile | undefined;
  onMergeInto: () => void;
}) {
  const { t, format } = useI18n();
  const name = displayName(customer, t('customers.unnamed'));
  const figure = (label: string, value: string | null, testId: string) => (
    <Group justify="space-between" gap="xs" wrap="nowrap">
      <Text size="sm" c="dimmed">{label}</Text>
      {value === null ? (
        <Skeleton height={12} width={60} />
      ) : (
        <Text size="sm" fw={500} style={{ fontVariantNumeric: 'tabular-nums' }} data-testid={testId}>
          {value}
        </Text>
      )}
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
        {figure(t('customers.duplicates.orders'), format.number(customer.ordersCount), 'duplicate-orders')}
        {figure(
          t('customers.duplicates.spend'),
          profile ? format.money(profile.figures.lifetimeSpendMinor, profile.figures.currency) : null,
          'duplicate-spend',
        )}
        {figure(t('customers.duplicates.points'), profile ? format.number(netPoints(profile)) : null, 'duplicate-points')}
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
