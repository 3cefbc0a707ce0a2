import { ActionIcon, Popover, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useT } from '../../../i18n';

/** ⓘ beside a figure: one click (or Enter) shows what the figure means. */
export function DefinitionButton({ label, definition }: { label: string; definition: string }) {
  const t = useT();
  return (
    <Popover width={300} position="bottom-start" withArrow shadow="md">
      <Popover.Target>
        <ActionIcon
          variant="subtle"
          color="gray"
          size="sm"
          aria-label={t('insights.definitionOf', { label })}
          data-testid="definition-button"
        >
          <IconInfoCircle size={16} />
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown data-testid="definition-text">
        <Text size="sm" fw={600} mb={4}>
          {label}
        </Text>
        <Text size="sm">{definition}</Text>
      </Popover.Dropdown>
    </Popover>
  );
}
