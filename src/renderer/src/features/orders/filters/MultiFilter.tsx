import { Badge, Button, Checkbox, Group, Loader, Popover, Stack, Text, VisuallyHidden } from '@mantine/core';
import { IconChevronDown } from '@tabler/icons-react';
import { useId } from 'react';

export interface MultiFilterOption {
  value: string;
  label: string;
  /** Orders carrying this value, shown beside it (the facet pickers); absent for fixed lists. */
  count?: number;
}

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
  formatCount,
  loading = false,
  loadingText,
  emptyText,
}: {
  label: string;
  options: MultiFilterOption[];
  value: string[];
  onChange: (value: string[]) => void;
  testId: string;
  /** "70,183" for the figure, and "70,183 orders" for screen readers. */
  formatCount?: (count: number) => { short: string; long: string };
  loading?: boolean;
  loadingText?: string;
  emptyText?: string;
}) {
  const idPrefix = useId();
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
      <Popover.Dropdown miw={220} data-testid={`${testId}-options`}>
        <Checkbox.Group value={value} onChange={onChange} aria-label={label}>
          <Stack gap={10}>
            {options.map((option, index) => {
              const count = option.count === undefined || !formatCount ? null : formatCount(option.count);
              const countId = `${idPrefix}-${index}`;
              return (
                <Group key={option.value} justify="space-between" gap="lg" wrap="nowrap">
                  <Checkbox value={option.value} label={option.label} aria-describedby={count ? countId : undefined} />
                  {count && (
                    <>
                      <Text size="xs" c="dimmed" aria-hidden data-testid="facet-count" data-value={option.value} data-count={option.count}>
                        {count.short}
                      </Text>
                      <VisuallyHidden id={countId}>{count.long}</VisuallyHidden>
                    </>
                  )}
                </Group>
              );
            })}
          </Stack>
        </Checkbox.Group>
        {loading && <Loader size="xs" mt={options.length ? 'sm' : 0} aria-label={loadingText} />}
        {!loading && options.length === 0 && emptyText && <Text size="sm" c="dimmed">{emptyText}</Text>}
      </Popover.Dropdown>
    </Popover>
  );
}
