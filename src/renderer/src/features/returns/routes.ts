/** Where the returns area is, from the path below "/returns". */
export type ReturnsRoute =
  | { kind: 'list' }
  | { kind: 'report' }
  | { kind: 'policy' }
  | { kind: 'new'; orderId: number | null }
  | { kind: 'detail'; id: number }
  | { kind: 'unknown' };

export function returnsRoute(path: string): ReturnsRoute {
  if (path === '/returns') return { kind: 'list' };
  if (path === '/returns/report') return { kind: 'report' };
  if (path === '/returns/policy') return { kind: 'policy' };
  if (path === '/returns/new') return { kind: 'new', orderId: null };
  const newFor = /^\/returns\/new\/(\d+)$/.exec(path);
  if (newFor) return { kind: 'new', orderId: Number(newFor[1]) };
  const detail = /^\/returns\/(\d+)$/.exec(path);
  if (detail) return { kind: 'detail', id: Number(detail[1]) };
  return { kind: 'unknown' };
}

export const RETURNS_TABS = ['list', 'report', 'policy'] as const;
export type ReturnsTab = (typeof RETURNS_TABS)[number];
export const tabPath = (tab: ReturnsTab): string => (tab === 'list' ? '/returns' : `/returns/${tab}`);
