import { Badge, Button, Checkbox, Popover, Stack } from '@mantine/core';
import { IconChevronDown } from '@tabler/icons-react';

/**
 * A compact multi-choice filter: one button that says what is chosen
 * ("Payment status: Paid", "Payment status · 2"), opening a list of
 * checkboxes. Pills inside a narrow input would be cut to "Pa…".
 */
export function MultiFilter({
  label,
  options,
  value,
  onChange,
  testId,
}: {
  label: string;
  options: { value: string; label: string }[];
  value: string[];
  onChange: (value: string[]) => void;
  testId: string;
}) {
  const chosen = options.filter((option) => value.includes(option.value));
  const summary = chosen.length === 1 ? `${label}: ${chosen[0]!.label}` : label;
  return (
    <Popover position="bottom-start" shadow="md" trapFocus returnFocus withinPortal>
      <Popover.Target>
        <Button
          variant={chosen.length ? 'light' : 'default'}
          rightSection={
            chosen.length > 1 ? (
              <Badge size="sm" circle>
                {chosen.length}
              </Badge>
            ) : (
              <IconChevronDown size={14} aria-hidden />
            )
          }
          maw={260}
          styles={{ label: { overflow: 'hidden', textOverflow: 'ellipsis' } }}
          aria-label={chosen.length > 1 ? `${label}: ${chosen.map((o) => o.label).join(', ')}` : summary}
          data-testid={testId}
          data-value={value.join(',')}
        >
          {summary}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Checkbox.Group value={value} onChange={onChange} aria-label={label}>
          <Stack gap={10}>
            {options.map((option) => (
              <Checkbox key={option.value} value={option.value} label={option.label} />
            ))}
          </Stack>
        </Checkbox.Group>
      </Popover.Dropdown>
    </Popover>
  );
}
