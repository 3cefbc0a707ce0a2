import { ActionIcon, Tooltip, useComputedColorScheme } from '@mantine/core';
import { IconMoon, IconSun } from '@tabler/icons-react';
import { useUpdateSettings } from '../../features/settings/api';
import { useT } from '../../i18n';
import { useEffectiveSettings } from '../preferences';

/** Flips between light and dark; "automatic" is chosen on the Settings page. */
export function ColorSchemeToggle() {
  const t = useT();
  const settings = useEffectiveSettings();
  const update = useUpdateSettings(settings);
  const computed = useComputedColorScheme('light', { getInitialValueInEffect: false });
  const label = t('app.toggleColorScheme');
  return (
    <Tooltip label={label}>
      <ActionIcon
        variant="default"
        size="lg"
        aria-label={label}
        data-testid="color-scheme-toggle"
        onClick={() => update.mutate({ colorScheme: computed === 'dark' ? 'light' : 'dark' })}
      >
        {computed === 'dark' ? <IconSun size={18} /> : <IconMoon size={18} />}
      </ActionIcon>
    </Tooltip>
  );
}
