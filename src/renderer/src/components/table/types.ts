import type { ReactNode } from 'react';

export interface TableColumn<Row> {
  id: string;
  /** Already translated. */
  header: string;
  /** Pixels; the table scrolls horizontally when the viewport is narrower than all columns. */
  width: number;
  align?: 'left' | 'right';
  /** When set, the header is a button that sorts by this key. */
  sortKey?: string;
  render(row: Row): ReactNode;
}

export interface TableSort {
  by: string;
  direction: 'asc' | 'desc';
}

export interface VirtualTableProps<Row> {
  columns: TableColumn<Row>[];
  /** All pages loaded so far, flattened. */
  rows: Row[];
  rowKey(row: Row): string | number;
  /** Default 40. */
  rowHeight?: number;
  /** The scroll viewport's height (e.g. 'calc(100vh - 260px)'). */
  height: number | string;
  hasMore: boolean;
  loadingMore: boolean;
  /** Called when the last rendered row is within ~20 rows of the end of what is loaded. */
  onLoadMore(): void;
  /** Click or Enter on a focused row. */
  onRowOpen?(row: Row): void;
  sort?: TableSort;
  onSortChange?(sort: TableSort): void;
  /** First page: skeleton rows. */
  loading?: boolean;
  /** Shown when !loading and rows.length === 0. */
  empty?: ReactNode;
  'aria-label': string;
  /** data-testid on the scroll container; rows get data-testid=`${testId}-row`. */
  testId?: string;
  /** All rows the query matches, when known (sets aria-rowcount). */
  totalRows?: number;
  /** The key of the row to mark as selected (e.g. the one open in a drawer). */
  selectedKey?: string | number | null;
}
