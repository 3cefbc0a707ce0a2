import { Select } from '@mantine/core';
import type { Macro } from '../../../../../shared/contract';
import { useI18n } from '../../../i18n';
import { useMacros } from '../api';

/** Canned replies, the UI language's first; choosing one renders it for this ticket. */
export function MacroPicker({ onPick, disabled }: { onPick: (macro: Macro) => void; disabled: boolean }) {
  const { t, locale } = useI18n();
  const macros = useMacros(locale);
  const list = macros.data ?? [];
  const groups = [
    { group: t('service.composer.macrosHere'), items: list.filter((m) => m.language === locale) },
    { group: t('service.composer.macrosOther'), items: list.filter((m) => m.language !== locale) },
  ].filter((g) => g.items.length > 0).map((g) => ({ group: g.group, items: g.items.map((m) => ({ value: String(m.id), label: m.name })) }));
  return (
    <Select
      w={240}
      size="xs"
      aria-label={t('service.composer.macro')}
      placeholder={macros.isPending ? t('service.composer.macrosLoading') : list.length ? t('service.composer.macro') : t('service.composer.noMacros')}
      data={groups}
      value={null}
      searchable
      disabled={disabled || list.length === 0}
      onChange={(value) => {
        const macro = list.find((m) => String(m.id) === value);
        if (macro) onPick(macro);
      }}
      data-testid="macro-picker"
    />
  );
}
