import { z } from 'zod';
import { operation } from './operation';
import { isoDate } from './common';

/**
 * The community: groups where a merchant keeps their best customers (WeChat,
 * QQ, WhatsApp, Discord, Facebook), who is in them, notes on what happens
 * there, leaderboards and honours, announcements written once in both
 * languages, and message templates with the macros' variables.
 */
export const COMMUNITY_PLATFORMS = ['wechat', 'qq', 'whatsapp', 'discord', 'facebook', 'other'] as const;
export type CommunityPlatform = (typeof COMMUNITY_PLATFORMS)[number];

export const LEADERBOARDS = ['reviewers', 'referrers', 'points'] as const;
export type LeaderboardName = (typeof LEADERBOARDS)[number];

const id = z.number().int().positive();
const staffId = z.number().int().positive();
const text = (max: number) => z.string().trim().max(max, { message: `must be at most ${max} characters` });
const required = (max: number) => text(max).min(1, { message: 'is required' });

export const groupSaveInput = z.object({
  /** Absent: create. */
  id: id.optional(),
  /** Required when editing: the version read. */
  version: z.number().int().positive().optional(),
  platform: z.enum(COMMUNITY_PLATFORMS),
  name: required(80),
  link: z.url({ message: 'must be a web link such as https://discord.gg/…' }).max(500).nullable().default(null),
  owner: text(80).nullable().default(null),
  moderators: z.array(required(80)).max(20).default([]),
  rules: text(5000).default(''),
  archived: z.boolean().default(false),
  staffId,
}).strict();
export const groupsListInput = z.object({ includeArchived: z.boolean().default(false) }).strict();
export const groupIdInput = z.object({ id }).strict();

/**
 * Add members: customer ids (from a profile) or an imported list of emails,
 * phones or customer ids (one per entry). Adding someone already in is not an error.
 */
export const membersAddInput = z.object({
  groupId: id,
  customerIds: z.array(id).max(10_000).optional(),
  entries: z.array(z.string().trim().min(1).max(200)).max(100_000).optional(),
  role: z.enum(['member', 'moderator']).default('member'),
  staffId,
}).strict().refine((m) => (m.customerIds?.length ?? 0) + (m.entries?.length ?? 0) > 0, { message: 'name at least one customer', path: ['customerIds'] });
export const membersRemoveInput = z.object({ groupId: id, customerIds: z.array(id).min(1).max(10_000), staffId }).strict();
export const membersListInput = z.object({
  groupId: id,
  search: text(100).optional(),
  cursor: z.string().max(200).nullable().optional(),
  limit: z.number().int().min(1).max(200).default(50),
}).strict();
export const noteAddInput = z.object({ groupId: id, customerId: id.nullable().default(null), body: required(4000), staffId }).strict();
export const customerGroupsInput = z.object({ customerId: id }).strict();

export const leaderboardInput = z.object({
  board: z.enum(LEADERBOARDS),
  from: isoDate,
  to: isoDate,
  groupId: id.optional(),
  limit: z.number().int().min(1).max(100).default(20),
}).strict().refine((r) => r.from <= r.to, { message: 'the start date must not be after the end date', path: ['from'] });
/** Give the top N of a board a badge and bonus points, once per board and period. */
export const honoursAwardInput = z.object({
  board: z.enum(LEADERBOARDS),
  from: isoDate,
  to: isoDate,
  groupId: id.optional(),
  top: z.number().int().min(1).max(100),
  badge: required(60),
  points: z.number().int().min(0).max(1_000_000),
  staffId,
}).strict().refine((r) => r.from <= r.to, { message: 'the start date must not be after the end date', path: ['from'] });

export const announcementSaveInput = z.object({
  id: id.optional(),
  version: z.number().int().positive().optional(),
  titleEn: required(120), titleZh: required(120),
  bodyEn: required(5000), bodyZh: required(5000),
  groupIds: z.array(id).max(50).default([]),
  campaignId: id.nullable().default(null),
  staffId,
}).strict();
export const announcementExportInput = z.object({ id, groupId: id, language: z.enum(['en', 'zh-CN']).optional() }).strict();
export const templateSaveInput = z.object({
  id: id.optional(),
  version: z.number().int().positive().optional(),
  name: required(80),
  bodyEn: required(5000),
  bodyZh: required(5000),
  staffId,
}).strict();
export const templateRenderInput = z.object({ id, customerId: id, language: z.enum(['en', 'zh-CN']) }).strict();

export interface CommunityGroup {
  id: number;
  platform: CommunityPlatform;
  name: string;
  link: string | null;
  owner: string | null;
  moderators: string[];
  rules: string;
  archived: boolean;
  members: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}
export interface CommunityGroupDetail extends CommunityGroup {
  notes: { id: number; customerId: number | null; customerName: string | null; body: string; staffName: string | null; createdAt: string }[];
}
export interface MembersAddResult { added: number; alreadyIn: number; unmatched: string[]; unmatchedCount: number }
export interface MemberRow { customerId: number; name: string | null; email: string | null; role: 'member' | 'moderator'; source: 'import' | 'profile'; joinedAt: string; pointsBalance: number; tierName: string | null }
export interface MemberPage { rows: MemberRow[]; total: number; nextCursor: string | null }

export interface LeaderboardRow { rank: number; customerId: number; name: string | null; score: number; honoured: boolean }
export interface Leaderboard {
  board: LeaderboardName;
  from: string;
  to: string;
  /** What the score counts, in a sentence (reviews written, referrals rewarded, points earned). */
  definition: string;
  rows: LeaderboardRow[];
}
export interface HonoursResult { awarded: number; alreadyHonoured: number; pointsPosted: number }

export interface Announcement {
  id: number; titleEn: string; titleZh: string; bodyEn: string; bodyZh: string;
  groupIds: number[]; campaignId: number | null; version: number; createdAt: string; updatedAt: string;
}
/** The text to paste into one group's channel, shaped for its platform (length limits, markup). */
export interface AnnouncementExport { groupId: number; platform: CommunityPlatform; language: 'en' | 'zh-CN'; text: string; parts: string[]; warnings: string[] }
export interface MessageTemplate { id: number; name: string; bodyEn: string; bodyZh: string; unknownVariables: string[]; version: number; updatedAt: string }
export interface RenderedTemplate { text: string; missing: string[]; unknown: string[] }

export const communityOperations = {
  'community.groups.list': operation<{ groups: CommunityGroup[] }>()(groupsListInput, 'Community groups with their member counts'),
  'community.groups.get': operation<CommunityGroupDetail>()(groupIdInput, 'One group with its activity notes'),
  'community.groups.update': operation<CommunityGroup>()(groupSaveInput, 'Create (no id) or edit a group (version-checked)'),
  'community.members.add': operation<MembersAddResult>()(membersAddInput, 'Add customers to a group from a profile or an imported list'),
  'community.members.remove': operation<{ removed: number }>()(membersRemoveInput, 'Take customers out of a group'),
  'community.members.list': operation<MemberPage>()(membersListInput, "One page of a group's members"),
  'community.notes.add': operation<CommunityGroupDetail>()(noteAddInput, 'Write an activity note on a group (optionally about one member)'),
  'community.customerGroups': operation<{ groups: CommunityGroup[]; honours: { board: LeaderboardName; badge: string; from: string; to: string; rank: number }[] }>()(
    customerGroupsInput, "The groups a customer is in and the honours they hold (for the profile)"),
  'leaderboards.get': operation<Leaderboard>()(leaderboardInput, 'Top reviewers, referrers or points earners in a period'),
  'leaderboards.award': operation<HonoursResult>()(honoursAwardInput, 'Give the top of a board a badge and bonus points, once per period'),
  'announcements.list': operation<{ announcements: Announcement[] }>()(z.object({}).strict(), 'Announcements, newest first'),
  'announcements.save': operation<Announcement>()(announcementSaveInput, 'Create or edit an announcement written in both languages'),
  'announcements.export': operation<AnnouncementExport>()(announcementExportInput, "An announcement shaped for one group's channel"),
  'templates.list': operation<{ templates: MessageTemplate[] }>()(z.object({}).strict(), 'Message templates'),
  'templates.save': operation<MessageTemplate>()(templateSaveInput, 'Create or edit a message template (variables checked)'),
  'templates.render': operation<RenderedTemplate>()(templateRenderInput, 'A template filled in for one customer'),
} as const;
