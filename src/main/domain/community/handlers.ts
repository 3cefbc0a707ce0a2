import type { Handler } from '../../core/handler';
import type { OperationName } from '../../../shared/contract';
import { notYet } from '../campaigns/notYet';

/** The community: groups, members, notes, leaderboards and honours, announcements, templates. */
export const communityHandlers = {
  'community.groups.list': () => notYet('community.groups.list'),
  'community.groups.get': () => notYet('community.groups.get'),
  'community.groups.update': () => notYet('community.groups.update'),
  'community.members.add': () => notYet('community.members.add'),
  'community.members.remove': () => notYet('community.members.remove'),
  'community.members.list': () => notYet('community.members.list'),
  'community.notes.add': () => notYet('community.notes.add'),
  'community.customerGroups': () => notYet('community.customerGroups'),
  'leaderboards.get': () => notYet('leaderboards.get'),
  'leaderboards.award': () => notYet('leaderboards.award'),
  'announcements.list': () => notYet('announcements.list'),
  'announcements.save': () => notYet('announcements.save'),
  'announcements.export': () => notYet('announcements.export'),
  'templates.list': () => notYet('templates.list'),
  'templates.save': () => notYet('templates.save'),
  'templates.render': () => notYet('templates.render'),
} satisfies { [N in Extract<OperationName, `community.${string}` | `leaderboards.${string}` | `announcements.${string}` | `templates.${string}`>]: Handler<N> };
