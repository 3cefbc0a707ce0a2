import {
  campaignCreateInput,
  type CampaignAudience,
  type CampaignDetail,
  type CampaignGoal,
  type CampaignMechanic,
  type CustomerSegment,
  type InputOf,
} from '../../../../../shared/contract';
import { zodIssues, type FieldIssue } from '../issues';
import type { MechanicKind } from '../labels';
import { addDaysIso, dayOf, endInstant, lastDayOf, startInstant, todayUtc } from '../window';

export type AudienceKind = CampaignAudience['kind'];
export const AUDIENCE_KINDS: readonly AudienceKind[] = ['segment', 'tier', 'tag', 'group', 'list'];

/**
 * What the editor holds: every audience kind's choice at once (switching kind
 * keeps what was picked), whole days for the window, and the mechanics in the
 * contract's own shape (money in minor units; the inputs convert).
 */
export interface CampaignFormValues {
  name: string;
  goal: CampaignGoal;
  storeId: number | null;
  firstDay: string | null;
  lastDay: string | null;
  audienceKind: AudienceKind;
  segments: CustomerSegment[];
  tierIds: string[];
  tags: string[];
  groupId: number | null;
  listText: string;
  holdoutPercent: number | string;
  mechanics: CampaignMechanic[];
  note: string;
}

export function emptyCampaign(): CampaignFormValues {
  const today = todayUtc();
  return {
    name: '', goal: 'reactivate', storeId: null, firstDay: today, lastDay: addDaysIso(today, 13),
    audienceKind: 'segment', segments: [], tierIds: [], tags: [], groupId: null, listText: '',
    holdoutPercent: 10, mechanics: [], note: '',
  };
}

export function campaignToForm(c: CampaignDetail): CampaignFormValues {
  const a = c.audience;
  return {
    ...emptyCampaign(),
    name: c.name, goal: c.goal, storeId: c.storeId, firstDay: dayOf(c.startsAt), lastDay: lastDayOf(c.endsAt),
    audienceKind: a.kind,
    segments: a.kind === 'segment' ? a.segments : [],
    tierIds: a.kind === 'tier' ? a.tierIds : [],
    tags: a.kind === 'tag' ? a.tags : [],
    groupId: a.kind === 'group' ? a.groupId : null,
    listText: a.kind === 'list' ? a.entries.join('\n') : '',
    holdoutPercent: c.holdoutPercent, mechanics: c.mechanics, note: c.note ?? '',
  };
}

/** An uploaded or pasted list: one entry per line (or comma, semicolon, tab), quotes and blanks dropped, each once. */
export function listEntries(text: string): string[] {
  const entries = text.split(/[\r\n,;\t]+/).map((e) => e.trim().replace(/^"(.*)"$/, '$1').trim()).filter((e) => e !== '');
  return [...new Set(entries)];
}

export function formAudience(v: CampaignFormValues): CampaignAudience {
  switch (v.audienceKind) {
    case 'segment': return { kind: 'segment', segments: v.segments };
    case 'tier': return { kind: 'tier', tierIds: v.tierIds };
    case 'tag': return { kind: 'tag', tags: v.tags };
    case 'group': return { kind: 'group', groupId: v.groupId ?? 0 };
    case 'list': return { kind: 'list', entries: listEntries(v.listText) };
  }
}

const numberOf = (value: number | string): number => (value === '' ? Number.NaN : Number(value));

export function formToInput(v: CampaignFormValues, staffId: number): InputOf<'campaigns.create'> {
  return {
    name: v.name,
    goal: v.goal,
    storeId: v.storeId,
    startsAt: v.firstDay ? startInstant(v.firstDay) : '',
    endsAt: v.lastDay ? endInstant(v.lastDay) : '',
    audience: formAudience(v),
    holdoutPercent: numberOf(v.holdoutPercent),
    mechanics: v.mechanics,
    note: v.note.trim() === '' ? null : v.note,
    staffId,
  };
}

/** The contract's own check, run before anything is sent: nothing is saved with an issue. */
export function validateCampaign(v: CampaignFormValues, staffId: number): FieldIssue[] {
  const parsed = campaignCreateInput.safeParse(formToInput(v, staffId));
  return parsed.success ? [] : zodIssues(parsed.error);
}

/** A new mechanic's starting values: a sensible offer the merchant adjusts. */
export function newMechanic(kind: MechanicKind): CampaignMechanic {
  switch (kind) {
    case 'multiplier': return { kind, multiplier: 2 };
    case 'bonus': return { kind, points: 100 };
    case 'coupon': return { kind, couponKind: 'fixed_amount', valueMinor: 500, percent: null, minOrderMinor: 0, validDays: 30 };
    case 'streak': return { kind, unit: 'day', length: 3, points: 50, repeatable: false };
    case 'draw': return { kind, winners: 3, weighting: 'none', prize: { kind: 'points', points: 500 } };
    case 'priceList': return { kind, prices: [] };
  }
}
