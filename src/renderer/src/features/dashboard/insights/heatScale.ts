/**
 * The heatmaps' colour scale: the theme's primary colour at an opacity that
 * grows with the value, over the card's own surface. The same cell then reads
 * in light and dark (pale tint on white, deep tint on near-black), and the text
 * turns white where the colour is strong enough to need it.
 */
export interface CellPaint {
  fill: string;
  fillOpacity: number;
  textFill: string;
}

const STRONG = 0.55;

export function cellPaint(intensity: number): CellPaint {
  const clamped = Math.max(0, Math.min(1, Number.isFinite(intensity) ? intensity : 0));
  const fillOpacity = 0.06 + 0.84 * clamped;
  return {
    fill: 'var(--mantine-primary-color-filled)',
    fillOpacity,
    textFill: fillOpacity >= STRONG ? 'var(--mantine-color-white)' : 'var(--mantine-color-text)',
  };
}

/** Intensity of each value against the largest one (0 when all are 0). */
export function intensities(values: readonly (number | null)[], max: number): (number | null)[] {
  return values.map((value) => (value === null ? null : max > 0 ? value / max : 0));
}
