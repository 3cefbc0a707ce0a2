import { describe, expect, it } from 'vitest';
import {
  defaultLanguage, length, PART_SEPARATOR, shapeAnnouncement, splitIntoParts, stripMarkdown,
} from '../../src/main/domain/community/channel-shaping';

const withoutPrefix = (part: string) => part.replace(/^\(\d+\/\d+\) /, '');

describe('channel shaping', () => {
  it('defaults to Chinese on WeChat and QQ and English elsewhere', () => {
    expect(['wechat', 'qq', 'whatsapp', 'discord', 'facebook', 'other'].map((p) => defaultLanguage(p as never)))
      .toEqual(['zh-CN', 'zh-CN', 'en', 'en', 'en', 'en']);
  });

  it('gives WeChat and QQ plain text under a 【title】 line, with no markdown left', () => {
    const shaped = shapeAnnouncement('wechat', 'zh-CN', '双倍积分周', '## 活动\n**重要**：详情见 [官网](https://shop.example/cn)，`周五`截止。');
    expect(shaped.text).toBe('【双倍积分周】\n\n活动\n重要：详情见 官网 (https://shop.example/cn)，周五截止。');
    expect(shaped.warnings).toEqual([]);
    expect(shapeAnnouncement('qq', 'en', 'Double points', 'Ends *Friday*.').text).toBe('Double points\n\nEnds Friday.');
  });

  it("uses WhatsApp's own *bold* and keeps links readable", () => {
    const shaped = shapeAnnouncement('whatsapp', 'en', 'Double points week', 'It is **on**: see [our shop](https://shop.example) ~~now~~.');
    expect(shaped.text).toBe('*Double points week*\n\nIt is *on*: see our shop: https://shop.example ~now~.');
  });

  it('keeps markdown and links as they are on Discord, with a **bold** title', () => {
    const body = 'Join us: https://discord.gg/abc and [the rules](https://shop.example/rules).';
    expect(shapeAnnouncement('discord', 'en', 'Meetup', body).text).toBe(`**Meetup**\n\n${body}`);
  });

  it('gives Facebook and other channels plain text', () => {
    expect(shapeAnnouncement('facebook', 'en', 'Sale', '# Big\n> quoted __line__').text).toBe('Sale\n\nBig\nquoted line');
    expect(shapeAnnouncement('other', 'en', 'Sale', 'a *b* c').text).toBe('Sale\n\na b c');
    // Snake_case and arithmetic are not markup.
    expect(stripMarkdown('use code_word and 2 * 3 * 4')).toBe('use code_word and 2 * 3 * 4');
  });

  it('splits a long WeChat text into numbered parts of at most 2,000 characters, at paragraph ends, losing nothing', () => {
    const paragraph = '会员专享活动说明。'.repeat(50); // 450 characters
    const body = Array.from({ length: 10 }, () => paragraph).join('\n\n');
    const shaped = shapeAnnouncement('wechat', 'zh-CN', '活动', body);
    expect(shaped.parts.length).toBe(3);
    expect(shaped.parts.every((part) => length(part) <= 2000)).toBe(true);
    expect(shaped.parts.map((part) => part.slice(0, 6))).toEqual(['(1/3) ', '(2/3) ', '(3/3) ']);
    // Each part ends at the end of a paragraph.
    expect(shaped.parts.slice(0, -1).every((part) => part.endsWith('。'))).toBe(true);
    expect(shaped.parts.map(withoutPrefix).join('\n\n')).toBe(`【活动】\n\n${body}`);
    expect(shaped.text).toBe(shaped.parts.join(PART_SEPARATOR));
    expect(shaped.warnings).toEqual([
      'This announcement is 4,524 characters, more than the 2,000 WeChat allows in one message: it is split into 3 numbered parts; send each part as its own message.',
    ]);
  });

  it('splits a long Discord text between words, never inside one', () => {
    const body = Array.from({ length: 700 }, (_, i) => `word${i}`).join(' ');
    const shaped = shapeAnnouncement('discord', 'en', 'News', body);
    expect(shaped.parts.length).toBeGreaterThan(1);
    expect(shaped.parts.every((part) => length(part) <= 2000)).toBe(true);
    expect(shaped.parts.map(withoutPrefix).join(' ')).toBe(`**News**\n\n${body}`);
  });

  it('counts characters as people do: an emoji is one', () => {
    const emoji = '🎉'.repeat(2000);
    expect(emoji.length).toBe(4000);
    expect(splitIntoParts(emoji, 2000)).toEqual([emoji]);
    const parts = splitIntoParts(`${emoji}🎉`, 2000);
    expect(parts).toHaveLength(2);
    expect(parts.every((part) => length(part) <= 2000)).toBe(true);
  });

  it('leaves WhatsApp text under 4,096 characters whole', () => {
    const body = 'x'.repeat(4000);
    expect(shapeAnnouncement('whatsapp', 'en', 'T', body).parts).toHaveLength(1);
    expect(shapeAnnouncement('discord', 'en', 'T', body).parts).toHaveLength(3);
  });
});
