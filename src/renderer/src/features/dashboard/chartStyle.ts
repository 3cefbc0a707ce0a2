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
