import { Button, SimpleGrid, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAdjustments, IconAward, IconGift } from '@tabler/icons-react';
import { useT } from '../../i18n';
import { AdjustPointsModal } from './panel/AdjustPointsModal';
import { AwardBonusModal } from './panel/AwardBonusModal';
import { BalanceCard } from './panel/BalanceCard';
import { CouponsList } from './panel/CouponsList';
import { HistoryTable } from './panel/HistoryTable';
import { RedeemRewardModal } from './panel/RedeemRewardModal';
import { TierCard } from './panel/TierCard';

/**
 * A customer's points: balance, tier, ledger history and coupons, with
 * "Adjust points", "Award a bonus" and "Redeem a reward". Embedded in the
 * customer profile (customers area) and shown alone at /loyalty/customer/<id>.
 */
export function CustomerPointsPanel({ customerId }: { customerId: number }) {
  const t = useT();
  const [adjustOpen, adjust] = useDisclosure(false);
  const [bonusOpen, bonus] = useDisclosure(false);
  const [redeemOpen, redeem] = useDisclosure(false);
  return (
    <Stack gap="md" data-testid="customer-points-panel" data-customer-id={customerId}>
      {/* Container breakpoints: the panel is as wide as the page here, and a column of the customer profile there. */}
      <SimpleGrid type="container" cols={{ base: 1, '760px': 2 }} spacing="md">
        <BalanceCard
          customerId={customerId}
          actions={
            <>
              <Button size="xs" variant="default" leftSection={<IconAdjustments size={16} />} onClick={adjust.open} data-testid="adjust-open">
                {t('loyalty.adjust.open')}
              </Button>
              <Button size="xs" variant="default" leftSection={<IconAward size={16} />} onClick={bonus.open} data-testid="bonus-open">
                {t('loyalty.award.open')}
              </Button>
              <Button size="xs" leftSection={<IconGift size={16} />} onClick={redeem.open} data-testid="redeem-open">
                {t('loyalty.redeem.open')}
              </Button>
            </>
          }
        />
        <TierCard customerId={customerId} />
      </SimpleGrid>
      <HistoryTable customerId={customerId} />
      <CouponsList customerId={customerId} />
      <AdjustPointsModal customerId={customerId} opened={adjustOpen} onClose={adjust.close} />
      <AwardBonusModal customerId={customerId} opened={bonusOpen} onClose={bonus.close} />
      <RedeemRewardModal customerId={customerId} opened={redeemOpen} onClose={redeem.close} />
    </Stack>
  );
}
