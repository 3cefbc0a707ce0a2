import { SegmentedControl } from '@mantine/core';
import { LOCALES, type Locale } from '../../../../shared/contract';
import { useUpdateSettings } from '../../features/settings/api';
import { useT } from '../../i18n';
import { useEffectiveSettings } from '../preferences';

export function LanguageSwitch() {
  const t = useT();
  const settings = useEffectiveSettings();
  const update = useUpdateSettings(settings);
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('app.language')}
      data-testid="language-switch"
      value={settings.locale}
      onChange={(value) => update.mutate({ locale: value as Locale })}
      data={LOCALES.map((locale) => ({ value: locale, label: t(`language.${locale}`) }))}
    />
  );
}
