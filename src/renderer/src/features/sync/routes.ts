/** The sync area's addresses: the URL decides the tab, so each can be linked and restored with Back. */
export const SYNC_TABS = ['overview', 'log', 'outbox', 'import'] as const;
export type SyncTab = (typeof SYNC_TABS)[number];

export type SyncRoute = { kind: 'tab'; tab: SyncTab } | { kind: 'connect' } | { kind: 'notFound' };

export const CONNECT_PATH = '/sync/connect';
export const syncTabPath = (tab: SyncTab): string => (tab === 'overview' ? '/sync' : `/sync/${tab}`);

/** "/sync" is the stores' overview, "/sync/connect" the connection form, "/sync/<tab>" the others. */
export function parseSyncPath(path: string): SyncRoute {
  const rest = path.replace(/^\/sync\/?/, '').replace(/\/$/, '');
  if (rest === '') return { kind: 'tab', tab: 'overview' };
  if (rest === 'connect') return { kind: 'connect' };
  const tab = SYNC_TABS.find((t) => t === rest && t !== 'overview');
  return tab ? { kind: 'tab', tab } : { kind: 'notFound' };
}
