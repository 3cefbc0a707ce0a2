import type { CommunityPlatform } from '../../../shared/contract';

/**
 * An announcement shaped for one chat platform: its markup, its length limit
 * per message. Pure (no database), so each platform's rules are tested alone.
 *   WeChat, QQ — plain text (no markdown), a 【title】 line, 2,000 characters a message;
 *   WhatsApp — *bold* title, its own *bold* and _italic_ markup, 4,096 a message;
 *   Discord — **bold** title, markdown kept, links as they are, 2,000 a message;
 *   Facebook — plain text, 63,206 characters (a post's limit);
 *   other — plain text, no limit.
 * A text over the limit is split into numbered parts ("(1/3) …"), at a
 * paragraph, line, sentence or word boundary where one falls in the last
 * fifth of a part, and a warning says how many messages to send.
 * Lengths are counted in characters (code points), as the apps count them.
 */
export type ShapeLanguage = 'en' | 'zh-CN';

export interface ShapedText { text: string; parts: string[]; warnings: string[] }

interface Rules { label: string; limit: number | null; markup: 'plain' | 'whatsapp' | 'discord' }

export const CHANNEL_RULES: Record<CommunityPlatform, Rules> = {
  wechat: { label: 'WeChat', limit: 2000, markup: 'plain' },
  qq: { label: 'QQ', limit: 2000, markup: 'plain' },
  whatsapp: { label: 'WhatsApp', limit: 4096, markup: 'whatsapp' },
  discord: { label: 'Discord', limit: 2000, markup: 'discord' },
  facebook: { label: 'Facebook', limit: 63_206, markup: 'plain' },
  other: { label: 'this channel', limit: null, markup: 'plain' },
};

/** Between parts in the one text to copy; each part is also returned on its own. */
export const PART_SEPARATOR = '\n\n— — —\n\n';

export function defaultLanguage(platform: CommunityPlatform): ShapeLanguage {
  return platform === 'wechat' || platform === 'qq' ? 'zh-CN' : 'en';
}

export function length(text: string): number {
  return Array.from(text).length;
}

/** Markdown as typed by staff, turned into what a plain-text chat shows well. */
export function stripMarkdown(text: string): string {
  return text
    .replace(/```[^\n]*\n?([\s\S]*?)```/g, '$1')
    .replace(/`([^`\n]+)`/g, '$1')
    .replace(/!\[([^\]]*)\]\(([^)\s]+)\)/g, '$1 $2')
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_whole, label: string, url: string) => (label === url ? url : `${label} (${url})`))
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/^>\s?/gm, '')
    .replace(/\*\*([^*\n]+)\*\*/g, '$1')
    .replace(/__([^_\n]+)__/g, '$1')
    .replace(/(^|[\s(])\*([^*\s][^*\n]*?)\*(?=[\s).,!?:;]|$)/gm, '$1$2')
    .replace(/~~([^~\n]+)~~/g, '$1');
}

/** WhatsApp's own markup: *bold*, _italic_, ~strike~; markdown links become "label: url". */
function toWhatsApp(text: string): string {
  return text
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_whole, label: string, url: string) => (label === url ? url : `${label}: ${url}`))
    .replace(/^#{1,6}\s+(.+)$/gm, '*$1*')
    .replace(/\*\*([^*\n]+)\*\*/g, '*$1*')
    .replace(/__([^_\n]+)__/g, '*$1*')
    .replace(/~~([^~\n]+)~~/g, '~$1~');
}

function compose(platform: CommunityPlatform, language: ShapeLanguage, title: string, body: string): string {
  const rules = CHANNEL_RULES[platform];
  const cleanTitle = title.trim();
  const cleanBody = body.trim();
  if (rules.markup === 'discord') return `**${cleanTitle}**\n\n${cleanBody}`;
  if (rules.markup === 'whatsapp') return `*${stripMarkdown(cleanTitle)}*\n\n${toWhatsApp(cleanBody)}`;
  const plainTitle = stripMarkdown(cleanTitle);
  const heading = (platform === 'wechat' || platform === 'qq') && language === 'zh-CN' ? `【${plainTitle}】` : plainTitle;
  return `${heading}\n\n${stripMarkdown(cleanBody)}`;
}

const BOUNDARIES = [/\n\n/g, /\n/g, /[.!?。！？](?=\s|$)|[。！？]/g, /\s/g];

/** Where to cut a text of code points so the first piece has at most `room` of them. */
function cutPoint(chars: string[], room: number): number {
  const window = chars.slice(0, room + 1).join('');
  const earliest = Math.floor(room * 0.8);
  for (const boundary of BOUNDARIES) {
    let best = -1;
    for (const match of window.matchAll(boundary)) {
      // Cut before whitespace (it is dropped), after a sentence's closing mark (it stays with its sentence).
      const at = /^\s+$/.test(match[0]) ? match.index : match.index + match[0].length;
      const end = length(window.slice(0, at));
      if (end <= room && end >= earliest) best = end;
    }
    if (best > 0) return best;
  }
  return room;
}

export function splitIntoParts(text: string, limit: number): string[] {
  if (length(text) <= limit) return [text];
  // The "(n/m) " prefix takes room from each part; assume a two-digit count until the split says otherwise.
  for (let digits = 1; digits <= 5; digits++) {
    const room = limit - (2 * digits + 4);
    const pieces: string[] = [];
    let rest = Array.from(text);
    while (rest.length > 0) {
      if (rest.length <= room) {
        pieces.push(rest.join('').trim());
        break;
      }
      const cut = cutPoint(rest, room);
      pieces.push(rest.slice(0, cut).join('').trim());
      rest = Array.from(rest.slice(cut).join('').replace(/^\s+/, ''));
    }
    const parts = pieces.filter((piece) => piece.length > 0);
    if (String(parts.length).length <= digits) return parts.map((piece, i) => `(${i + 1}/${parts.length}) ${piece}`);
  }
  throw new Error('An announcement cannot be split into fewer than 100,000 parts.');
}

export function shapeAnnouncement(
  platform: CommunityPlatform, language: ShapeLanguage, title: string, body: string,
): ShapedText {
  const rules = CHANNEL_RULES[platform];
  const whole = compose(platform, language, title, body);
  if (rules.limit === null || length(whole) <= rules.limit) return { text: whole, parts: [whole], warnings: [] };
  const parts = splitIntoParts(whole, rules.limit);
  const warnings = [
    `This announcement is ${length(whole).toLocaleString('en')} characters, more than the ${rules.limit.toLocaleString('en')} ${rules.label} allows in one message: it is split into ${parts.length} numbered parts; send each part as its own message.`,
  ];
  return { text: parts.join(PART_SEPARATOR), parts, warnings };
}
