/** The community area's addresses: the URL decides the tab, so each view can be linked and restored with Back. */
export const COMMUNITY_TABS = ['groups', 'leaderboards', 'announcements', 'templates'] as const;
export type CommunityTab = (typeof COMMUNITY_TABS)[number];

export type CommunityRoute =
  | { kind: 'tab'; tab: CommunityTab; groupId: number | null }
  | { kind: 'notFound' };

export const COMMUNITY_PATH = '/community';
export const communityTabPath = (tab: CommunityTab): string => (tab === 'groups' ? COMMUNITY_PATH : `${COMMUNITY_PATH}/${tab}`);
/** One group's page (members, import, notes), below the groups list. */
export const groupPath = (id: number): string => `${COMMUNITY_PATH}/groups/${id}`;

/** "/community" lists groups; "/community/groups/<id>" is one group; "/community/<tab>" the others. */
export function parseCommunityPath(path: string): CommunityRoute {
  const rest = path.replace(/^\/community\/?/, '').replace(/\/$/, '');
  if (rest === '' || rest === 'groups') return { kind: 'tab', tab: 'groups', groupId: null };
  const group = /^groups\/(\d+)$/.exec(rest);
  if (group) return { kind: 'tab', tab: 'groups', groupId: Number(group[1]) };
  const tab = COMMUNITY_TABS.find((t) => t === rest && t !== 'groups');
  return tab ? { kind: 'tab', tab, groupId: null } : { kind: 'notFound' };
}
