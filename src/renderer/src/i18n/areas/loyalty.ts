/**
 * The loyalty area's messages, English and Simplified Chinese side by side.
 * Spread into ../en.ts and ../zh-CN.ts; keys start with 'loyalty.'.
 */
export const loyaltyEn = {
} as const;

export const loyaltyZh: { readonly [K in keyof typeof loyaltyEn]: string } = {
};
