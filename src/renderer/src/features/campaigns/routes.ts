/**
 * The campaigns area's addresses, so every screen can be linked and restored
 * with Back: the list and the calendar are tabs of /campaigns, a campaign
 * lives at /campaigns/<id> with its own tabs, and drafts are edited in place.
 */
export const DETAIL_TABS = ['report', 'draws', 'exports'] as const;
export type DetailTab = (typeof DETAIL_TABS)[number];

export type CampaignsRoute =
  | { view: 'list' }
  | { view: 'calendar' }
  | { view: 'new' }
  | { view: 'edit'; id: number }
  | { view: 'detail'; id: number; tab: DetailTab };

export const campaignsPath = (route: CampaignsRoute): string => {
  switch (route.view) {
    case 'list': return '/campaigns';
    case 'calendar': return '/campaigns/calendar';
    case 'new': return '/campaigns/new';
    case 'edit': return `/campaigns/${route.id}/edit`;
    case 'detail': return route.tab === 'report' ? `/campaigns/${route.id}` : `/campaigns/${route.id}/${route.tab}`;
  }
};

/** The route a path names; null for an address no screen answers. */
export function parseCampaignsPath(path: string): CampaignsRoute | null {
  const parts = path.replace(/^\/campaigns\/?/, '').replace(/\/$/, '').split('/').filter(Boolean);
  if (parts.length === 0) return { view: 'list' };
  if (parts.length === 1 && parts[0] === 'calendar') return { view: 'calendar' };
  if (parts.length === 1 && parts[0] === 'new') return { view: 'new' };
  const id = Number(parts[0]);
  if (!/^\d{1,9}$/.test(parts[0] ?? '') || id < 1) return null;
  if (parts.length === 1) return { view: 'detail', id, tab: 'report' };
  if (parts.length === 2 && parts[1] === 'edit') return { view: 'edit', id };
  const tab = DETAIL_TABS.find((t) => t === parts[1]);
  return parts.length === 2 && tab ? { view: 'detail', id, tab } : null;
}
