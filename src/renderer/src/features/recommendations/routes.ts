/** The recommendations area's addresses: the URL decides the tab, so each can be linked and restored with Back. */
export const RECS_TABS = ['tuning', 'evaluate', 'rules', 'publish'] as const;
export type RecsTab = (typeof RECS_TABS)[number];

export const recsTabPath = (tab: RecsTab): string => (tab === 'tuning' ? '/recommendations' : `/recommendations/${tab}`);

/** "/recommendations" is the tuning page, "/recommendations/<tab>" the others; null for anything else. */
export function parseRecsPath(path: string): RecsTab | null {
  const rest = path.replace(/^\/recommendations\/?/, '').replace(/\/$/, '');
  if (rest === '') return 'tuning';
  return RECS_TABS.find((tab) => tab === rest && tab !== 'tuning') ?? null;
}
