/**
 * The feedback area's messages, English and Simplified Chinese side by side.
 * Spread into ../en.ts and ../zh-CN.ts; keys start with 'feedback.'.
 */
export const feedbackEn = {
  'feedback.description': '',
};

export const feedbackZh: Record<keyof typeof feedbackEn, string> = {
  'feedback.description': '',
};
