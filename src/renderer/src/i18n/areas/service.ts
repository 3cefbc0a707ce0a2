/**
 * The service area's messages, English and Simplified Chinese side by side.
 * Spread into ../en.ts and ../zh-CN.ts; keys start with 'service.'.
 */
export const serviceEn = {
  'service.description': '',
};

export const serviceZh: Record<keyof typeof serviceEn, string> = {
  'service.description': '',
};
