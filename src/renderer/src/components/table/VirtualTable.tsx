import { Loader, Skeleton } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { SortHeader } from './SortHeader';
import type { TableColumn, VirtualTableProps } from './types';
import classes from './VirtualTable.module.css';

export type { TableColumn, TableSort, VirtualTableProps } from './types';

const HEADER_HEIGHT = 40;
/** Ask for the next page while this many loaded rows are still below the last rendered one. */
const LOAD_AHEAD_ROWS = 20;
const SKELETON_ROWS = 10;

/**
 * A grid that renders only the rows in view, so a million orders paged in a
 * few hundred at a time scroll as smoothly as ten. Keyboard: the grid is one
 * Tab stop; arrows, Page Up/Down, Home and End move the active row
 * (aria-activedescendant, so focus never jumps into rows that virtualization
 * may remove), Enter opens it.
 */
export function VirtualTable<Row>(props: VirtualTableProps<Row>) {
  const { columns, rows, rowKey, rowHeight = 40, height, hasMore, loadingMore, onLoadMore, onRowOpen } = props;
  const viewportRef = useRef<HTMLDivElement>(null);
  const baseId = useId();
  const [activeIndex, setActiveIndex] = useState(0);
  const count = rows.length + (hasMore ? 1 : 0);

  const virtualizer = useVirtualizer({
    count: props.loading ? 0 : count,
    getScrollElement: () => viewportRef.current,
    estimateSize: () => rowHeight,
    overscan: 10,
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    getItemKey: (index) => {
      const row = rows[index];
      return row === undefined ? '__more' : rowKey(row);
    },
  });
  const items = virtualizer.getVirtualItems();
  const lastRendered = items.at(-1)?.index ?? -1;

  useEffect(() => {
    if (hasMore && !loadingMore && !props.loading && lastRendered >= rows.length - LOAD_AHEAD_ROWS) onLoadMore();
  }, [hasMore, loadingMore, props.loading, lastRendered, rows.length, onLoadMore]);

  // A new filter or sort starts a new list: the active row goes back to the top.
  const firstKey = rows[0] === undefined ? null : rowKey(rows[0]);
  useEffect(() => setActiveIndex(0), [firstKey]);
  const active = Math.min(activeIndex, Math.max(rows.length - 1, 0));

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(index, rows.length - 1));
    setActiveIndex(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget || rows.length === 0) return;
    const page = Math.max(1, Math.floor((viewportRef.current?.clientHeight ?? 400) / rowHeight) - 2);
    const moves: Record<string, () => void> = {
      ArrowDown: () => moveTo(active + 1),
      ArrowUp: () => moveTo(active - 1),
      PageDown: () => moveTo(active + page),
      PageUp: () => moveTo(active - page),
      Home: () => moveTo(0),
      End: () => moveTo(rows.length - 1),
      Enter: () => {
        const row = rows[active];
        if (row !== undefined) onRowOpen?.(row);
      },
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    move();
  };

  const totalWidth = columns.reduce((sum, column) => sum + column.width, 0);
  const rowWidth = `max(100%, ${totalWidth}px)`;
  const ariaRowCount = props.totalRows !== undefined ? props.totalRows + 1 : hasMore ? -1 : rows.length + 1;
  const showEmpty = !props.loading && rows.length === 0;

  return (
    <div
      ref={viewportRef}
      className={classes.viewport}
      style={{ height }}
      role="grid"
      aria-label={props['aria-label']}
      aria-rowcount={ariaRowCount}
      aria-colcount={columns.length}
      aria-busy={props.loading || loadingMore}
      aria-activedescendant={rows.length > 0 ? `${baseId}-row-${active}` : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      data-testid={props.testId}
      data-loaded-rows={rows.length}
    >
      <div role="rowgroup" className={classes.header} style={{ width: rowWidth, height: HEADER_HEIGHT }}>
        <div role="row" aria-rowindex={1} style={{ display: 'flex', width: '100%' }}>
          {columns.map((column) => (
            <div
              key={column.id}
              role="columnheader"
              className={`${classes.headerCell} ${column.align === 'right' ? classes.right : ''}`}
              style={cellSize(column)}
              aria-sort={sortState(column, props.sort)}
            >
              {column.sortKey && props.onSortChange ? (
                <SortHeader column={column} sort={props.sort} onSortChange={props.onSortChange} />
              ) : (
                column.header
              )}
            </div>
          ))}
        </div>
      </div>
      {props.loading && <SkeletonRows columns={columns} rowHeight={rowHeight} width={rowWidth} />}
      {showEmpty && <div className={classes.empty}>{props.empty}</div>}
      {!props.loading && rows.length > 0 && (
        <div role="rowgroup" style={{ position: 'relative', height: virtualizer.getTotalSize(), width: rowWidth }}>
          {items.map((item) => {
            const row = rows[item.index];
            const style: CSSProperties = {
              height: rowHeight,
              width: '100%',
              transform: `translateY(${item.start - HEADER_HEIGHT}px)`,
            };
            if (row === undefined) {
              return (
                <div key={item.key} role="row" aria-rowindex={item.index + 2} className={classes.row} style={style}>
                  <div role="gridcell" className={classes.cell} style={{ paddingLeft: 16 }}>
                    <Loader size="xs" type="dots" />
                  </div>
                </div>
              );
            }
            const key = rowKey(row);
            return (
              <div
                key={item.key}
                id={`${baseId}-row-${item.index}`}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={key === props.selectedKey}
                className={classes.row}
                style={style}
                data-testid={props.testId ? `${props.testId}-row` : undefined}
                data-row-key={key}
                data-active={item.index === active || undefined}
                data-selected={key === props.selectedKey || undefined}
                data-openable={onRowOpen ? true : undefined}
                onClick={() => {
                  setActiveIndex(item.index);
                  onRowOpen?.(row);
                }}
              >
                {columns.map((column) => (
                  <div
                    key={column.id}
                    role="gridcell"
                    className={`${classes.cell} ${column.align === 'right' ? classes.right : ''}`}
                    style={cellSize(column)}
                    data-column={column.id}
                  >
                    {column.render(row)}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      )}
    </div>
  );
}

/** Columns share any spare width in proportion to their own, so header and cells stay aligned. */
const cellSize = (column: TableColumn<never>): CSSProperties => ({
  flex: `${column.width} 0 ${column.width}px`,
  minWidth: column.width,
});

function sortState<Row>(column: TableColumn<Row>, sort: VirtualTableProps<Row>['sort']) {
  if (!column.sortKey) return undefined;
  if (sort?.by !== column.sortKey) return 'none';
  return sort.direction === 'asc' ? 'ascending' : 'descending';
}

function SkeletonRows<Row>({ columns, rowHeight, width }: { columns: TableColumn<Row>[]; rowHeight: number; width: string }) {
  return (
    <div role="rowgroup" style={{ width }} data-testid="table-skeleton">
      {Array.from({ length: SKELETON_ROWS }, (_, index) => (
        <div key={index} role="row" className={classes.row} style={{ position: 'static', height: rowHeight, width: '100%' }}>
          {columns.map((column) => (
            <div key={column.id} role="gridcell" className={classes.cell} style={cellSize(column)}>
              <Skeleton height={10} width={`${50 + ((index * 7 + column.width) % 40)}%`} radius="sm" />
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}
