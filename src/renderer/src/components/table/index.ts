export { VirtualTable } from './VirtualTable';
export type { TableColumn, TableSort, VirtualTableProps } from './types';
export { useKeysetPages, type KeysetPages, type KeysetOperation, type KeysetRow } from './useKeysetPages';
