/**
 * The community area's messages, English and Simplified Chinese side by side.
 * Spread into ../en.ts and ../zh-CN.ts; keys start with 'community.' (and the
 * area's title). Split by page in ./community/ so each file stays short.
 */
import { communityGroupsEn, communityGroupsZh } from './community/groups';
import { communityMessagesEn, communityMessagesZh } from './community/messages';

export const communityEn = { ...communityGroupsEn, ...communityMessagesEn } as const;
export const communityZh: Record<keyof typeof communityEn, string> = { ...communityGroupsZh, ...communityMessagesZh };
