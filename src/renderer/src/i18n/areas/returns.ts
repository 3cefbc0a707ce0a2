/**
 * The returns area's messages, English and Simplified Chinese side by side.
 * Spread into ../en.ts and ../zh-CN.ts; keys start with 'returns.'.
 */
export const returnsEn = {
  'returns.description': '',
};

export const returnsZh: Record<keyof typeof returnsEn, string> = {
  'returns.description': '',
};
