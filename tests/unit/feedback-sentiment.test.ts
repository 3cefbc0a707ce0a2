import { describe, expect, it } from 'vitest';
import { DEFAULT_TOPIC_RULES } from '../../src/main/domain/feedback/topic-rules';
import { compileTopicMatcher } from '../../src/main/domain/feedback/topic-match';
import { detectLanguage, ratingScore, scoreFeedback, sentimentLabel, textScore } from '../../src/main/domain/feedback/sentiment';

const label = (text: string) => {
  const score = textScore(text);
  return score === null ? null : sentimentLabel(score);
};

describe('lexicon text score', () => {
  it.each([
    ['Love it, beautifully packed and fast shipping!', 'positive'],
    ['Arrived broken and the refund took forever.', 'negative'],
    ['Terrible. Would not buy again.', 'negative'],
    ['Highly recommend this shop.', 'positive'],
    ['It is okay.', 'neutral'],
  ])('reads English: %s → %s', (text, expected) => {
    expect(label(text)).toBe(expected);
  });

  it('flips a word after not / never / no, in English', () => {
    expect(textScore('I love it')).toBeGreaterThan(0.2);
    expect(textScore('I do not love it')).toBeLessThan(-0.2);
    expect(textScore('The box was not damaged')).toBeGreaterThan(0.2);
    expect(textScore('never happy with the packaging')).toBeLessThan(-0.2);
    // A negation ends at the end of its clause.
    expect(textScore('Not cheap. Love it')).toBeGreaterThan(0.2);
  });

  it('strengthens a word after very, and counts what follows "but" more', () => {
    expect(textScore('very good') as number).toBeGreaterThan(textScore('good') as number);
    expect(textScore('Lovely candle but the delivery was late')).toBeLessThan(0);
    expect(textScore('The delivery was late but lovely candle')).toBeGreaterThan(0);
  });

  it.each([
    ['包装精美，质量很好，发货也很快。', 'positive'],
    ['包装太简陋，瓶子碎了，很失望。', 'negative'],
    ['物流太慢了', 'negative'],
    ['喜欢', 'positive'],
    ['质量好', 'positive'],
    ['破损', 'negative'],
  ])('reads Chinese by longest match: %s → %s', (text, expected) => {
    expect(label(text)).toBe(expected);
  });

  it('flips a Chinese word after 不 / 没 / 没有 / 别, but keeps words that start with 不', () => {
    expect(label('不喜欢')).toBe('negative');
    expect(label('没有问题')).toBe('positive');
    expect(label('别失望')).toBe('positive');
    expect(label('不错')).toBe('positive'); // "not bad" is its own entry: good
    expect(label('不满意')).toBe('negative');
    expect(textScore('非常喜欢') as number).toBeGreaterThan(textScore('喜欢') as number);
    expect(textScore('很不好') as number).toBeLessThan(textScore('不好') as number);
  });

  it('knows no words: no text score', () => {
    expect(textScore('The parcel is blue')).toBeNull();
    expect(textScore('')).toBeNull();
  });
});

describe('rating and blend', () => {
  it('maps stars evenly to -1..1 and NPS by detractor / passive / promoter', () => {
    expect([1, 2, 3, 4, 5].map((r) => ratingScore('review', r))).toEqual([-1, -0.5, 0, 0.5, 1]);
    expect(ratingScore('csat', 1)).toBe(-1);
    expect(ratingScore('nps', 0)).toBe(-1);
    expect(ratingScore('nps', 6)).toBeCloseTo(-0.3);
    expect([7, 8].map((r) => ratingScore('nps', r))).toEqual([0, 0]);
    expect([9, 10].map((r) => ratingScore('nps', r))).toEqual([0.7, 1]);
    expect(ratingScore('review', null)).toBeNull();
  });

  it('lets the rating lead and the words adjust it (0.65 / 0.35)', () => {
    const text = textScore('Lovely quality') as number;
    const blended = scoreFeedback({ source: 'review', rating: 4, title: null, body: 'Lovely quality' });
    expect(blended.score).toBeCloseTo(0.65 * 0.5 + 0.35 * text, 3);
    expect(blended.label).toBe('positive');
    expect(scoreFeedback({ source: 'review', rating: 1, title: 'Love it', body: null }).label).toBe('negative');
    expect(scoreFeedback({ source: 'nps', rating: 8, title: null, body: null })).toEqual({ score: 0, label: 'neutral', language: null });
  });

  it('labels at ±0.2 and detects Chinese by its characters', () => {
    expect([sentimentLabel(-0.21), sentimentLabel(-0.2), sentimentLabel(0.2), sentimentLabel(0.21)])
      .toEqual(['negative', 'neutral', 'neutral', 'positive']);
    expect(detectLanguage('质量很好 good')).toBe('zh');
    expect(detectLanguage('Great candle')).toBe('en');
    expect(detectLanguage('  ')).toBeNull();
  });
});

describe('topic rules', () => {
  const match = compileTopicMatcher(DEFAULT_TOPIC_RULES);

  it('tags every topic with a keyword in the text, English by whole word and Chinese anywhere', () => {
    expect(match('Shipping was late and the box arrived crushed')).toEqual(['shipping', 'packaging']);
    expect(match('物流太慢，包装破损')).toEqual(['shipping', 'packaging', 'quality']);
    expect(match('What a benefit')).toEqual([]); // "fit" is not in "benefit"
    expect(match('SMELLS wonderful')).toEqual(['scent']);
  });

  it('matches phrases across any spacing and keywords the merchant adds', () => {
    const custom = compileTopicMatcher([{ topic: 'gift', keywords: ['gift wrap', '礼物'] }]);
    expect(custom('Lovely gift   wrap')).toEqual(['gift']);
    expect(custom('送朋友的礼物')).toEqual(['gift']);
    expect(custom('A gift')).toEqual([]);
  });
});
