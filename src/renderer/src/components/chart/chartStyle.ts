import type { CSSProperties } from 'react';

/**
 * Chart colours are CSS variables, so the SVG follows Mantine's light or dark
 * scheme without re-rendering, and stays in the theme's palette.
 */
export const chartColors = {
  revenue: 'var(--mantine-primary-color-filled)',
  newCustomers: 'var(--mantine-color-teal-filled)',
  returningCustomers: 'var(--mantine-primary-color-filled)',
  grid: 'var(--mantine-color-default-border)',
  axis: 'var(--mantine-color-dimmed)',
  cursor: 'light-dark(var(--mantine-color-gray-1), var(--mantine-color-dark-5))',
} as const;

export const axisTick = { fill: chartColors.axis, fontSize: 12 } as const;

export const legendStyle: CSSProperties = { fontSize: 13, color: 'var(--mantine-color-text)' };

/** The time axis both charts share: periods along the bottom, thinned to fit. */
export const periodAxisProps = {
  dataKey: 'period',
  tick: axisTick,
  tickLine: false,
  axisLine: { stroke: chartColors.grid },
  minTickGap: 24,
} as const;

/** The value axis both charts share: no line, no tick marks, only labels. */
export const valueAxisProps = { tick: axisTick, tickLine: false, axisLine: false } as const;
