/**
 * English sentiment lexicon for shop reviews: words and short phrases with a
 * weight from -3 (very negative) to +3 (very positive). Phrases are matched
 * before single words, so "not worth" and "highly recommend" count once, as
 * themselves. Written for e-commerce feedback (delivery, packaging, quality,
 * fit, service), not general prose.
 */
export const EN_WORDS: Readonly<Record<string, number>> = {
  // delight and praise
  love: 2.5, loved: 2.5, loves: 2.5, lovely: 2.2, adore: 2.6, adored: 2.6, amazing: 2.8, awesome: 2.6,
  excellent: 2.8, fantastic: 2.8, wonderful: 2.7, perfect: 2.7, perfectly: 2.2, great: 2.2, good: 1.6,
  nice: 1.5, beautiful: 2.3, beautifully: 2.0, gorgeous: 2.5, stunning: 2.5, pretty: 1.4, cute: 1.5,
  happy: 2.0, pleased: 1.8, delighted: 2.6, satisfied: 1.7, glad: 1.6, impressed: 2.0, enjoy: 1.7,
  enjoyed: 1.7, favourite: 2.0, favorite: 2.0, best: 2.3, superb: 2.8, outstanding: 2.8, brilliant: 2.6,
  recommend: 1.8, recommended: 1.8, 'highly recommend': 2.8, 'would recommend': 2.2, 'will order again': 2.4,
  'order again': 2.0, 'buy again': 2.0, 'five stars': 2.5, '5 stars': 2.5, 'worth it': 2.0,
  'worth every penny': 2.8, 'good value': 2.0, 'great value': 2.4, bargain: 1.6, thanks: 1.2, thank: 1.2,
  // quality and fit
  quality: 0.6, sturdy: 1.6, solid: 1.3, durable: 1.7, soft: 1.2, comfortable: 1.8, comfy: 1.7, cozy: 1.5,
  fits: 1.0, 'fits well': 2.0, 'fits perfectly': 2.4, 'true to size': 1.8, elegant: 2.0, stylish: 1.8,
  'well made': 2.2, 'well packed': 2.0, 'well packaged': 2.0, 'high quality': 2.3, premium: 1.6,
  fresh: 1.2, fragrant: 1.3, smells: 0.3, gentle: 1.1, vibrant: 1.5, exactly: 1.0, 'as described': 1.5,
  'as pictured': 1.5, 'as expected': 0.8, accurate: 1.1, works: 0.8, 'works great': 2.2, reliable: 1.7,
  // delivery and service
  fast: 1.4, quick: 1.3, quickly: 1.2, prompt: 1.4, 'on time': 1.5, early: 1.0, speedy: 1.5, helpful: 1.9,
  friendly: 1.9, kind: 1.6, responsive: 1.7, professional: 1.7, polite: 1.5, easy: 1.2, smooth: 1.3,
  resolved: 1.4, 'sorted out': 1.4, fixed: 0.8, gift: 0.5, fine: 0.6, okay: 0.2, ok: 0.2, decent: 0.9,
  // disappointment
  bad: -2.2, poor: -2.2, poorly: -2.0, terrible: -2.9, awful: -2.9, horrible: -2.9, worst: -3.0,
  hate: -2.7, hated: -2.7, disappointed: -2.3, disappointing: -2.3, disappointment: -2.3, unhappy: -2.1,
  upset: -2.0, annoyed: -1.9, angry: -2.5, frustrated: -2.2, frustrating: -2.2, useless: -2.6, rubbish: -2.6,
  junk: -2.6, garbage: -2.7, cheap: -0.8, cheaply: -1.8, flimsy: -2.0, fake: -2.6, scam: -3.0, misleading: -2.2,
  mediocre: -1.3, meh: -1.0, average: -0.4, boring: -1.2, ugly: -2.0, wrong: -1.8, mistake: -1.5,
  problem: -1.4, problems: -1.4, issue: -1.2, issues: -1.2, complaint: -1.6, regret: -2.2, sadly: -1.2,
  unfortunately: -1.3, 'waste of money': -2.9, 'not worth': -2.3, 'would not buy again': -2.7,
  'never again': -2.7, 'do not buy': -2.7, "don't buy": -2.7, 'not as described': -2.4, 'not as pictured': -2.2,
  'looks different': -1.5, 'not bad': 1.2, 'no problem': 1.0, 'no problems': 1.2, 'no issues': 1.2,
  'no complaints': 1.5, 'nothing special': -0.9, 'not great': -1.6, 'not good': -2.0,
  // damage and defects
  broken: -2.6, broke: -2.4, cracked: -2.4, damaged: -2.5, dented: -1.8, scratched: -1.9, torn: -2.1,
  ripped: -2.1, leaking: -2.3, leaked: -2.3, stained: -1.8, defective: -2.6, faulty: -2.5, shattered: -2.7,
  missing: -2.0, 'stopped working': -2.6, 'fell apart': -2.7, "doesn't work": -2.4, 'does not work': -2.4,
  smelly: -1.8, stinks: -2.2, weak: -1.3, weaker: -1.4, faded: -1.6, dull: -1.1, itchy: -1.6, uncomfortable: -1.9,
  // size and fit
  small: -0.4, smaller: -0.8, tiny: -0.8, big: -0.3, bigger: -0.6, tight: -1.0, loose: -0.9, 'too small': -1.7,
  'too big': -1.6, 'too large': -1.6, 'runs small': -1.2, 'runs large': -1.1,
  // delivery and service trouble
  late: -1.8, delayed: -1.9, delay: -1.7, slow: -1.6, slowly: -1.4, lost: -2.2, 'never arrived': -2.9,
  'never received': -2.9, 'took forever': -2.2, 'took ages': -2.0, 'still waiting': -2.1, rude: -2.6,
  unhelpful: -2.3, ignored: -2.2, 'no reply': -2.0, 'no response': -2.0, refund: -1.3, refunded: -0.4,
  return: -0.8, returned: -1.0, returning: -1.1, expensive: -1.3, overpriced: -2.2, pricey: -1.1,
  complicated: -1.2, confusing: -1.4, difficult: -1.2, hassle: -1.6, incorrect: -1.8,
};

/** Words that flip the next sentiment word or phrase within a few words. */
export const EN_NEGATORS: ReadonlySet<string> = new Set([
  'not', 'no', 'never', 'nothing', 'neither', 'nor', 'none', 'without', 'hardly', 'barely',
  "don't", 'dont', "doesn't", 'doesnt', "didn't", 'didnt', "isn't", 'isnt', "wasn't", 'wasnt', "aren't",
  "weren't", "won't", 'wont', "wouldn't", "can't", 'cant', 'cannot', "couldn't", "shouldn't", "haven't", "hasn't",
]);

/** Words that scale the next sentiment word: above 1 stronger, below 1 softer. */
export const EN_INTENSIFIERS: Readonly<Record<string, number>> = {
  very: 1.5, really: 1.4, so: 1.35, extremely: 1.8, super: 1.5, incredibly: 1.7, absolutely: 1.6,
  totally: 1.4, completely: 1.5, truly: 1.4, most: 1.3, too: 1.3, highly: 1.5, quite: 1.15,
  slightly: 0.6, somewhat: 0.7, little: 0.7, bit: 0.7, kinda: 0.7, fairly: 0.85, rather: 0.9,
};

/** After "but" the writer's real opinion usually follows. */
export const EN_CONTRAST: ReadonlySet<string> = new Set(['but', 'however', 'although', 'though']);
