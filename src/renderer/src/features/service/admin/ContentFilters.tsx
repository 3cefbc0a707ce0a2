import { Group, SegmentedControl, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { LANGUAGES, type ContentLanguage } from '../../../../../shared/contract';
import { useT } from '../../../i18n';

export type LanguageChoice = ContentLanguage | 'all';

/** Language and words to narrow a list of macros or articles; both languages are edited side by side. */
export function ContentFilters(props: {
  language: LanguageChoice;
  search: string;
  onLanguage: (language: LanguageChoice) => void;
  onSearch: (search: string) => void;
  searchLabel: string;
  testId: string;
}) {
  const t = useT();
  return (
    <Group gap="sm" wrap="wrap">
      <SegmentedControl
        aria-label={t('service.admin.language')}
        value={props.language}
        onChange={(value) => props.onLanguage(value as LanguageChoice)}
        data={[
          { value: 'all', label: t('service.admin.language.all') },
          ...LANGUAGES.map((language) => ({ value: language, label: t(`service.admin.language.${language}`) })),
        ]}
        data-testid={`${props.testId}-language`}
      />
      <TextInput
        aria-label={props.searchLabel}
        placeholder={props.searchLabel}
        leftSection={<IconSearch size={16} />}
        value={props.search}
        onChange={(event) => props.onSearch(event.currentTarget.value)}
        style={{ flex: 1, minWidth: 180 }}
        data-testid={`${props.testId}-search`}
      />
    </Group>
  );
}
