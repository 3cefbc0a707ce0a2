import { ZH_CONTRAST, ZH_INTENSIFIERS, ZH_NEGATORS, ZH_WORDS } from './lexicon/zh';
import { NEGATION_FACTOR, type Hit } from './text-score';

/**
 * Chinese text has no spaces: at each position the scorer takes the longest
 * lexicon entry starting there, else the longest negator, degree word or
 * contrast word, else moves one character on. Lexicon entries come first so
 * that words that begin with a negator ("不错", "没问题") keep their own weight.
 */
const NEGATION_REACH = 4;
const INTENSIFIER_REACH = 3;
const CLAUSE_END = /[，。！？；、,.!?;~\s]/;

const byLengthDesc = (words: Iterable<string>) => [...words].sort((a, b) => b.length - a.length);
const NEGATORS = byLengthDesc(ZH_NEGATORS);
const INTENSIFIERS = byLengthDesc(Object.keys(ZH_INTENSIFIERS));
const CONTRASTS = byLengthDesc(ZH_CONTRAST);
const MAX_WORD = Math.max(...Object.keys(ZH_WORDS).map((w) => w.length));

const startsWithAny = (text: string, at: number, words: readonly string[]) => words.find((w) => text.startsWith(w, at));

function longestWordAt(text: string, at: number): string | undefined {
  for (let length = Math.min(MAX_WORD, text.length - at); length >= 1; length--) {
    const candidate = text.slice(at, at + length);
    if (ZH_WORDS[candidate] !== undefined) return candidate;
  }
  return undefined;
}

export const hasCjk = (text: string): boolean => /[\u3400-\u9fff\uf900-\ufaff]/.test(text);

/** Lexicon hits of the Chinese parts of a text. */
export function chineseHits(text: string): Hit[] {
  const hits: Hit[] = [];
  let negationLeft = 0;
  let intensity = 1;
  let intensityLeft = 0;
  let clause = 0;
  let at = 0;
  while (at < text.length) {
    const char = text[at] as string;
    if (CLAUSE_END.test(char)) {
      negationLeft = 0;
      intensityLeft = 0;
      at += 1;
      continue;
    }
    const word = longestWordAt(text, at);
    if (word) {
      let weight = (ZH_WORDS[word] as number) * (intensityLeft > 0 ? intensity : 1);
      if (negationLeft > 0) weight *= NEGATION_FACTOR;
      hits.push({ weight, clause });
      negationLeft = 0;
      intensityLeft = 0;
      at += word.length;
      continue;
    }
    const contrast = startsWithAny(text, at, CONTRASTS);
    if (contrast) {
      clause += 1;
      negationLeft = 0;
      at += contrast.length;
      continue;
    }
    const negator = startsWithAny(text, at, NEGATORS);
    if (negator) {
      negationLeft = NEGATION_REACH;
      at += negator.length;
      continue;
    }
    const degree = startsWithAny(text, at, INTENSIFIERS);
    if (degree) {
      const factor = ZH_INTENSIFIERS[degree] as number;
      intensity = intensityLeft > 0 ? intensity * factor : factor;
      intensityLeft = INTENSIFIER_REACH;
      at += degree.length;
      continue;
    }
    negationLeft = Math.max(0, negationLeft - 1);
    intensityLeft = Math.max(0, intensityLeft - 1);
    at += 1;
  }
  return hits;
}
