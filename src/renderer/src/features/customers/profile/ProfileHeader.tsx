import { Badge, Group, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconCheck, IconMail, IconPhone, IconX } from '@tabler/icons-react';
import type { CustomerProfile } from '../../../../../shared/contract';
import { useI18n, type I18n } from '../../../i18n';
import { countryName, displayName } from '../format';
import { SEGMENT_COLOR, SEGMENT_LABEL, SEGMENT_MEANING } from '../labels';

/** Name, contact, consent, tags, segment with its RFM scores, and tier: who this is at a glance. */
export function ProfileHeader({ customer }: { customer: CustomerProfile }) {
  const { t, format, locale } = useI18n();
  const place = [customer.city, customer.region, countryName(customer.country, locale)].filter(Boolean).join(', ');
  const tags = [...new Set([...customer.remoteTags, ...customer.localTags])];
  return (
    <Stack gap={8}>
      <Group gap="sm" align="center" wrap="wrap">
        <Title order={1} fz={26} lh={1.3} data-testid="profile-name">
          {displayName(customer, t('customers.unnamed'))}
        </Title>
        <SegmentBadge customer={customer} />
        {customer.tier && (
          <Tooltip label={tierHint(customer, t, format)} multiline maw={320} withArrow>
            <Badge variant="outline" color="yellow" size="lg" tabIndex={0} data-testid="profile-tier">
              {t('customers.profile.tier', { tier: customer.tier.tierName })}
            </Badge>
          </Tooltip>
        )}
      </Group>
      <Group gap="lg" wrap="wrap">
        <Contact icon={<IconMail size={16} />} value={customer.email} missing={t('customers.profile.noEmail')} testId="profile-email" />
        <Contact icon={<IconPhone size={16} />} value={customer.phone} missing={t('customers.profile.noPhone')} testId="profile-phone" />
        {place && <Text size="sm" c="dimmed">{place}</Text>}
      </Group>
      <Group gap="xs" wrap="wrap">
        <ConsentBadge kind={t('customers.profile.consentMarketing')} given={customer.consent.marketing} testId="consent-marketing" />
        <ConsentBadge
          kind={t('customers.profile.consentPersonalization')}
          given={customer.consent.personalization}
          testId="consent-personalization"
        />
        {tags.map((tag) => (
          <Badge key={tag} variant="default" size="sm" radius="sm" tt="none" data-testid="profile-tag">
            {tag}
          </Badge>
        ))}
        <Text size="xs" c="dimmed">
          {t('customers.profile.customerSince', { date: format.date(customer.createdAt), store: customer.storeName })}
        </Text>
      </Group>
    </Stack>
  );
}

function Contact({ icon, value, missing, testId }: { icon: React.ReactNode; value: string | null; missing: string; testId: string }) {
  return (
    <Group gap={6} wrap="nowrap">
      <Text c="dimmed" component="span" display="flex" aria-hidden>
        {icon}
      </Text>
      <Text size="sm" c={value ? undefined : 'dimmed'} data-testid={testId}>
        {value ?? missing}
      </Text>
    </Group>
  );
}

function ConsentBadge({ kind, given, testId }: { kind: string; given: boolean; testId: string }) {
  const { t } = useI18n();
  return (
    <Badge
      variant="light"
      color={given ? 'teal' : 'gray'}
      size="sm"
      tt="none"
      leftSection={given ? <IconCheck size={12} /> : <IconX size={12} />}
      data-testid={testId}
      data-given={given}
    >
      {t(given ? 'customers.profile.consentGiven' : 'customers.profile.consentRefused', { kind })}
    </Badge>
  );
}

/** The segment and its scores; the tooltip says what the scores mean and when they were computed. */
function SegmentBadge({ customer }: { customer: CustomerProfile }) {
  const { t, format } = useI18n();
  const { rfm } = customer;
  if (customer.mergedIntoId !== null) {
    // Scores belong to the customer it was merged into; "no segment" would read as "no orders".
    return (
      <Badge variant="light" color="yellow" size="lg" tt="none" data-testid="profile-segment" data-segment="">
        {t('customers.profile.mergedBadge', { id: customer.mergedIntoId })}
      </Badge>
    );
  }
  if (!rfm) {
    return (
      <Tooltip label={t('customers.profile.noRfm')} withArrow>
        <Badge variant="default" size="lg" tt="none" tabIndex={0} data-testid="profile-segment" data-segment="">
          {t('customers.segment.none')}
        </Badge>
      </Tooltip>
    );
  }
  const hint = `${t(SEGMENT_MEANING[rfm.segment])} ${t('customers.profile.rfmHint', {
    days: format.number(rfm.recencyDays),
    date: format.date(rfm.computedAt),
  })}`;
  return (
    <Tooltip label={hint} multiline maw={340} withArrow>
      <Badge
        variant="light"
        color={SEGMENT_COLOR[rfm.segment]}
        size="lg"
        tabIndex={0}
        data-testid="profile-segment"
        data-segment={rfm.segment}
        tt="none"
      >
        {t(SEGMENT_LABEL[rfm.segment])} · {t('customers.profile.rfm', { r: rfm.r, f: rfm.f, m: rfm.m })}
      </Badge>
    </Tooltip>
  );
}

/** The tier's benefits and what it takes to reach the next one. */
function tierHint(customer: CustomerProfile, t: I18n['t'], format: I18n['format']): string {
  const tier = customer.tier;
  if (!tier) return '';
  const amount = (n: number) =>
    tier.basis === 'spend' ? format.money(n, customer.figures.currency) : t('customers.profile.points', { points: format.number(n) });
  const next = tier.next
    ? t('customers.profile.tierNext', { needed: amount(tier.next.needed), tier: tier.next.tierName })
    : t('customers.profile.tierTop');
  return [tier.benefits, next].filter(Boolean).join(' · ');
}
