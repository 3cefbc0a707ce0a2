import { ActionIcon, Popover, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/** ⓘ beside a figure or a chart's title: one click (or Enter) shows what it means. */
export function DefinitionButton({ label, definition, ariaLabel, testId = 'definition-button', textTestId = 'definition-text' }: {
  label: string;
  definition: ReactNode;
  ariaLabel: string;
  testId?: string;
  textTestId?: string;
}) {
  return (
    <Popover width={310} position="bottom-start" withArrow shadow="md" trapFocus={false}>
      <Popover.Target>
        <ActionIcon variant="subtle" color="gray" size="sm" aria-label={ariaLabel} data-testid={testId}>
          <IconInfoCircle size={16} />
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown data-testid={textTestId}>
        <Text size="sm" fw={600} mb={4}>
          {label}
        </Text>
        <Text size="sm">{definition}</Text>
      </Popover.Dropdown>
    </Popover>
  );
}
