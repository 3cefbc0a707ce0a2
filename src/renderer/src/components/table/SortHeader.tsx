import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import type { TableColumn, TableSort } from './types';
import classes from './VirtualTable.module.css';

/**
 * A sortable column's header: one button. A new column starts descending
 * (newest, largest first, which is what a merchant usually wants); pressing
 * the current one again flips the direction.
 */
export function SortHeader<Row>({
  column,
  sort,
  onSortChange,
}: {
  column: TableColumn<Row>;
  sort: TableSort | undefined;
  onSortChange: (sort: TableSort) => void;
}) {
  const sortKey = column.sortKey ?? column.id;
  const current = sort?.by === sortKey ? sort.direction : null;
  const Icon = current === 'asc' ? IconArrowUp : current === 'desc' ? IconArrowDown : IconArrowsSort;
  return (
    <button
      type="button"
      className={classes.sortButton}
      data-active={current ? true : undefined}
      data-testid={`sort-${sortKey}`}
      data-direction={current ?? ''}
      onClick={() => onSortChange({ by: sortKey, direction: current === 'desc' ? 'asc' : 'desc' })}
    >
      <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{column.header}</span>
      <Icon size={14} stroke={1.8} aria-hidden style={{ flex: 'none', opacity: current ? 1 : 0.5 }} />
    </button>
  );
}
