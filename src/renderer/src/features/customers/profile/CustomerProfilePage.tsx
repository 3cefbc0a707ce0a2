import { Alert, Anchor, Grid, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconGitMerge } from '@tabler/icons-react';
import { errorCodeOf } from '../../../api';
import { hrefFor } from '../../../app/router';
import { QueryError } from '../../../components/QueryError';
import { useT } from '../../../i18n';
import { CustomerPointsPanel } from '../../loyalty/CustomerPointsPanel';
import { useCustomerProfile } from '../api';
import { displayName } from '../format';
import { CUSTOMERS_PATH, pathForCustomer } from '../routes';
import { CommunityCard } from './CommunityCard';
import { CustomerTimeline } from './CustomerTimeline';
import { ProfileHeader } from './ProfileHeader';
import { ProfileKpis, ProfileKpisSkeleton } from './ProfileKpis';
import { RecentOrders } from './RecentOrders';

/** The 360° view of one customer: who they are, what they are worth, and everything that happened, on one page. */
export function CustomerProfilePage({ customerId }: { customerId: number }) {
  const t = useT();
  const profile = useCustomerProfile(customerId);

  const back = (
    <Anchor href={hrefFor(CUSTOMERS_PATH)} size="sm" data-testid="profile-back">
      <Group gap={4} component="span" wrap="nowrap">
        <IconArrowLeft size={14} />
        {t('customers.profile.back')}
      </Group>
    </Anchor>
  );

  if (profile.isPending) {
    return (
      <Stack gap="lg" data-testid="profile-loading">
        {back}
        <Skeleton height={32} width={280} />
        <Skeleton height={20} width={420} />
        <ProfileKpisSkeleton />
        <Skeleton height={240} />
      </Stack>
    );
  }
  if (profile.isError) {
    return (
      <Stack gap="lg">
        {back}
        <Title order={1} fz={26}>{t('area.customers.title')}</Title>
        {errorCodeOf(profile.error) === 'NOT_FOUND' ? (
          <Paper withBorder p="xl" data-testid="profile-not-found">
            <Text>{t('customers.profile.notFound')}</Text>
          </Paper>
        ) : (
          <QueryError error={profile.error} onRetry={() => void profile.refetch()} />
        )}
      </Stack>
    );
  }

  const customer = profile.data;
  return (
    <Stack gap="lg" data-testid="customer-profile" data-customer-id={customer.id}>
      {back}
      <ProfileHeader customer={customer} />
      {customer.mergedIntoId !== null && (
        <Alert color="yellow" variant="light" icon={<IconGitMerge size={18} />} data-testid="profile-merged">
          <Text size="sm">{t('customers.profile.mergedInto')}</Text>
          <Anchor href={hrefFor(pathForCustomer(customer.mergedIntoId))} size="sm" data-testid="profile-open-survivor">
            {t('customers.profile.openSurvivor', { id: customer.mergedIntoId })}
          </Anchor>
        </Alert>
      )}
      {customer.mergedFrom.length > 0 && (
        <Group gap={6} wrap="wrap" data-testid="profile-merged-from">
          <IconGitMerge size={16} aria-hidden />
          <Text size="sm" c="dimmed">
            {t('customers.profile.mergedFrom')}
          </Text>
          {customer.mergedFrom.map((m) => (
            <Anchor key={m.id} href={hrefFor(pathForCustomer(m.id))} size="sm">
              {displayName(m, t('customers.unnamed'))} (#{m.id})
            </Anchor>
          ))}
        </Group>
      )}
      <ProfileKpis customer={customer} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="lg">
            <RecentOrders orders={customer.recentOrders} mergedIntoId={customer.mergedIntoId} />
            <section aria-labelledby="profile-points-title">
              <Title order={2} fz="lg" mb="sm" id="profile-points-title">
                {t('customers.points.title')}
              </Title>
              {/* A merged customer is history: its points moved, so nothing may be adjusted or redeemed here. */}
              {customer.mergedIntoId === null ? (
                <CustomerPointsPanel customerId={customer.id} />
              ) : (
                <Paper withBorder p="md" radius="md">
                  <Text size="sm" c="dimmed">{t('customers.points.moved')}</Text>
                </Paper>
              )}
            </section>
            {customer.mergedIntoId === null && <CommunityCard customerId={customer.id} />}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <CustomerTimeline customerId={customer.id} firstPage={customer.timeline} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
