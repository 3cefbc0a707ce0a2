/**
 * The service desk's settings and reports live at /service/admin/<tab>; the
 * address is the source of truth for the tab shown, so each can be linked.
 */
export const ADMIN_TABS = ['sla', 'macros', 'kb', 'staff', 'reports'] as const;
export type AdminTab = (typeof ADMIN_TABS)[number];

export const adminTabPath = (tab: AdminTab): string => `/service/admin/${tab}`;

/** The tab a path names; '/service/admin' alone opens the SLA policy; anything else is unknown (null). */
export function adminTabOf(path: string): AdminTab | null {
  const rest = path.replace(/^\/service\/admin\/?/, '').replace(/\/$/, '');
  if (rest === '') return 'sla';
  return ADMIN_TABS.find((tab) => tab === rest) ?? null;
}
