import { NumberInput, SimpleGrid } from '@mantine/core';
import { BONUS_ACTIONS } from '../../../../../shared/contract';
import { useI18n } from '../../../i18n';
import type { ProgramForm } from './ProgramEditor';
import { SettingsSection } from '../../../components/SettingsSection';

/** Points given once for actions other than orders; 0 turns an action off. */
export function BonusSection({ form }: { form: ProgramForm }) {
  const { t } = useI18n();
  return (
    <SettingsSection title={t('loyalty.program.bonusTitle')} description={t('loyalty.program.bonusHint')} testId="program-bonus">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }}>
        {BONUS_ACTIONS.map((action) => (
          <NumberInput
            key={action}
            label={t(`loyalty.bonus.${action}`)}
            min={0}
            allowDecimal={false}
            allowNegative={false}
            thousandSeparator
            rightSection={<span style={{ fontSize: 12, color: 'var(--mantine-color-dimmed)', paddingRight: 8 }}>{t('loyalty.pts')}</span>}
            rightSectionWidth={44}
            data-testid={`program-bonus-${action}`}
            {...form.getInputProps(`bonusActions.${action}`)}
          />
        ))}
      </SimpleGrid>
    </SettingsSection>
  );
}
