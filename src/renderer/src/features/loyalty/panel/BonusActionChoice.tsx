import { Anchor, Badge, Group, Radio, Stack, Text } from '@mantine/core';
import { BONUS_ACTIONS, type BonusAction, type LoyaltySettings } from '../../../../../shared/contract';
import { hrefFor } from '../../../app/router';
import { useI18n } from '../../../i18n';
import { tabPath } from '../routes';

/** The actions that earn once per event named by a reference (see `bonusInput` in the contract). */
const PER_REFERENCE = ['review', 'referral', 'socialShare'] as const satisfies readonly BonusAction[];
type ReferenceAction = (typeof PER_REFERENCE)[number];

export const needsReference = (action: BonusAction | null): action is ReferenceAction =>
  PER_REFERENCE.some((a) => a === action);

export const isBonusAction = (value: string | null): value is BonusAction =>
  BONUS_ACTIONS.some((action) => action === value);

/**
 * The program's bonus actions with what each gives now. An action worth 0
 * points is off: shown, but not choosable, with the way to turn it on.
 */
export function BonusActionChoice(props: {
  settings: LoyaltySettings;
  value: BonusAction | null;
  onChange: (action: BonusAction) => void;
  onLeave: () => void;
}) {
  const { t, format } = useI18n();
  const { bonusActions } = props.settings;
  const anyOff = BONUS_ACTIONS.some((action) => bonusActions[action] <= 0);
  return (
    <Radio.Group
      value={props.value}
      onChange={(value) => isBonusAction(value) && props.onChange(value)}
      label={t('loyalty.award.choose')}
      withAsterisk
    >
      <Stack gap={6} mt="xs">
        {BONUS_ACTIONS.map((action) => {
          const points = bonusActions[action];
          const off = points <= 0;
          return (
            <Radio.Card
              key={action}
              value={action}
              disabled={off}
              p="xs"
              radius="md"
              style={off ? { opacity: 0.6, cursor: 'not-allowed' } : undefined}
              data-testid={`bonus-action-${action}`}
              data-points={points}
            >
              <Group wrap="nowrap" align="center" gap="sm">
                <Radio.Indicator disabled={off} />
                <div style={{ flex: 1 }}>
                  <Text fw={600} size="sm">{t(`loyalty.bonus.${action}`)}</Text>
                  <Text size="xs" c="dimmed">{t(`loyalty.award.once.${action}`)}</Text>
                </div>
                {off ? (
                  <Text size="xs" c="dimmed">{t('loyalty.award.zero')}</Text>
                ) : (
                  <Badge variant="light" color="grape">{t('loyalty.award.worth', { points: format.number(points) })}</Badge>
                )}
              </Group>
            </Radio.Card>
          );
        })}
        {anyOff && (
          <Text size="xs" c="dimmed" data-testid="bonus-zero-hint">
            {t('loyalty.award.zeroHint')}{' '}
            <Anchor href={hrefFor(tabPath('program'))} onClick={props.onLeave} size="xs">
              {t('loyalty.award.openProgram')}
            </Anchor>
          </Text>
        )}
      </Stack>
    </Radio.Group>
  );
}
