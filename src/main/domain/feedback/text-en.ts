import { EN_CONTRAST, EN_INTENSIFIERS, EN_NEGATORS, EN_WORDS } from './lexicon/en';
import { NEGATION_FACTOR, type Hit } from './text-score';

/** The longest phrase in the lexicon, in words: the scorer tries phrases this long first. */
const MAX_PHRASE = Math.max(...Object.keys(EN_WORDS).map((k) => k.split(' ').length));
/** A negator reaches this many words ahead ("not at all happy"), an intensifier two. */
const NEGATION_REACH = 3;
const INTENSIFIER_REACH = 2;

/** Words (with their apostrophes) and clause-ending punctuation, lower case. */
export function englishTokens(text: string): string[] {
  return text.toLowerCase().replace(/[\u2018\u2019`]/g, "'").match(/[a-z0-9]+(?:'[a-z]+)?|[.!?;,]/g) ?? [];
}

function longestPhraseAt(tokens: readonly string[], start: number): { weight: number; length: number } | null {
  for (let length = Math.min(MAX_PHRASE, tokens.length - start); length >= 1; length--) {
    const weight = EN_WORDS[tokens.slice(start, start + length).join(' ')];
    if (weight !== undefined) return { weight, length };
  }
  return null;
}

/** Lexicon hits of English text, read word by word. */
export function englishHits(text: string): Hit[] {
  const tokens = englishTokens(text);
  const hits: Hit[] = [];
  let negationLeft = 0;
  let intensity = 1;
  let intensityLeft = 0;
  let clause = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string;
    if (/^[.!?;,]$/.test(token)) {
      negationLeft = 0;
      intensityLeft = 0;
      continue;
    }
    if (EN_CONTRAST.has(token)) {
      clause += 1;
      negationLeft = 0;
      continue;
    }
    const phrase = longestPhraseAt(tokens, i);
    if (phrase) {
      let weight = phrase.weight * (intensityLeft > 0 ? intensity : 1);
      if (negationLeft > 0) weight *= NEGATION_FACTOR;
      hits.push({ weight, clause });
      negationLeft = 0;
      intensityLeft = 0;
      i += phrase.length - 1;
      continue;
    }
    if (EN_NEGATORS.has(token)) {
      negationLeft = NEGATION_REACH;
      continue;
    }
    const degree = EN_INTENSIFIERS[token];
    if (degree !== undefined) {
      intensity = intensityLeft > 0 ? intensity * degree : degree;
      intensityLeft = INTENSIFIER_REACH;
      continue;
    }
    negationLeft = Math.max(0, negationLeft - 1);
    intensityLeft = Math.max(0, intensityLeft - 1);
  }
  return hits;
}
