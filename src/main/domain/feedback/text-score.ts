/**
 * The pieces both language scorers share: a hit is one lexicon entry found in
 * the text with its weight after negation, degree words and contrast; the
 * sum of the hits is squashed into -1..1 the way VADER does (x / sqrt(x² + α)),
 * so one strong word gives about ±0.5 and several agreeing words approach ±1.
 */
export interface Hit {
  weight: number;
  /** Hits before a "but" count half, hits after it half as much again. */
  clause: number;
}

const ALPHA = 15;
/** A negated word is flipped and softened: "not great" is bad, but less bad than "terrible". */
export const NEGATION_FACTOR = -0.75;
const BEFORE_CONTRAST = 0.5;
const AFTER_CONTRAST = 1.5;

export function squash(hits: readonly Hit[]): number | null {
  if (hits.length === 0) return null;
  const lastClause = Math.max(...hits.map((h) => h.clause));
  let sum = 0;
  for (const hit of hits) {
    const factor = lastClause === 0 ? 1 : hit.clause < lastClause ? BEFORE_CONTRAST : AFTER_CONTRAST;
    sum += hit.weight * factor;
  }
  return Math.max(-1, Math.min(1, sum / Math.sqrt(sum * sum + ALPHA)));
}
