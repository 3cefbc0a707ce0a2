import type { Handler, HandlerContext } from '../../core/handler';
import type { OperationName } from '../../../shared/contract';
import { addNote } from './notes';
import { customerGroups } from './customer-groups';
import { groupDetail, listGroups, saveGroup } from './groups';
import { awardHonours } from './honours';
import { leaderboard } from './leaderboards';
import { addMembers, removeMembers } from './members';
import { listMembers } from './member-list';
import { exportAnnouncement, listAnnouncements, saveAnnouncement } from './announcements';
import { listTemplates, renderTemplate, saveTemplate } from './templates';

/** The community: groups, members, notes, leaderboards and honours, announcements, templates. */
function changed(ctx: HandlerContext, ...areas: string[]): void {
  ctx.emit('data.changed', { areas: ['community', ...areas] });
}

export const communityHandlers = {
  'community.groups.list': (input, ctx) => ({ groups: listGroups(ctx.sqlite, input.includeArchived) }),
  'community.groups.get': (input, ctx) => groupDetail(ctx.sqlite, input.id),
  'community.groups.update': (input, ctx) => {
    const group = saveGroup(ctx.sqlite, input, ctx.now());
    changed(ctx);
    return group;
  },
  'community.members.add': (input, ctx) => {
    const result = addMembers(ctx.sqlite, input, ctx.now());
    if (result.added > 0) changed(ctx, 'customers');
    return result;
  },
  'community.members.remove': (input, ctx) => {
    const result = removeMembers(ctx.sqlite, input, ctx.now());
    if (result.removed > 0) changed(ctx, 'customers');
    return result;
  },
  'community.members.list': (input, ctx) => listMembers(ctx.sqlite, input, ctx.now()),
  'community.notes.add': (input, ctx) => {
    const detail = addNote(ctx.sqlite, input, ctx.now());
    changed(ctx);
    return detail;
  },
  'community.customerGroups': (input, ctx) => customerGroups(ctx.sqlite, input.customerId),
  'leaderboards.get': (input, ctx) => leaderboard(ctx.sqlite, input),
  'leaderboards.award': (input, ctx) => {
    const result = awardHonours(ctx.sqlite, input, ctx.now());
    if (result.awarded > 0) changed(ctx, 'customers', ...(result.pointsPosted > 0 ? ['loyalty'] : []));
    return result;
  },
  'announcements.list': (_input, ctx) => ({ announcements: listAnnouncements(ctx.sqlite) }),
  'announcements.save': (input, ctx) => {
    const announcement = saveAnnouncement(ctx.sqlite, input, ctx.now());
    changed(ctx);
    return announcement;
  },
  'announcements.export': (input, ctx) => exportAnnouncement(ctx.sqlite, input),
  'templates.list': (_input, ctx) => ({ templates: listTemplates(ctx.sqlite) }),
  'templates.save': (input, ctx) => {
    const template = saveTemplate(ctx.sqlite, input, ctx.now());
    changed(ctx);
    return template;
  },
  'templates.render': (input, ctx) => renderTemplate(ctx.sqlite, input, ctx.now()),
} satisfies { [N in Extract<OperationName, `community.${string}` | `leaderboards.${string}` | `announcements.${string}` | `templates.${string}`>]: Handler<N> };
