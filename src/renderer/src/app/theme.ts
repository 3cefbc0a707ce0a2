import { createTheme, type MantineColorsTuple } from '@mantine/core';

/**
 * One theme for light and dark. A muted slate-blue as the brand colour keeps a
 * data-heavy console calm; status colours (teal up, red down) stay Mantine's.
 * The font stack names CJK faces explicitly so Chinese gets a proper Simplified
 * Chinese face on every OS instead of a Japanese-glyph fallback.
 */
const slateBlue: MantineColorsTuple = [
  '#eef3fb',
  '#dce3f0',
  '#b5c5e2',
  '#8ba5d4',
  '#688ac8',
  '#5279c1',
  '#4670bf',
  '#375fa8',
  '#2e5497',
  '#214887',
];

const fontFamily = [
  'system-ui',
  '-apple-system',
  '"Segoe UI"',
  'Roboto',
  '"Helvetica Neue"',
  'Arial',
  '"PingFang SC"',
  '"Hiragino Sans GB"',
  '"Microsoft YaHei"',
  '"Noto Sans CJK SC"',
  '"Source Han Sans SC"',
  'sans-serif',
].join(', ');

export const theme = createTheme({
  primaryColor: 'brand',
  colors: { brand: slateBlue },
  primaryShade: { light: 7, dark: 5 },
  fontFamily,
  headings: { fontFamily, fontWeight: '650' },
  defaultRadius: 'md',
  focusRing: 'auto',
  cursorType: 'pointer',
});
