/**
 * The orders area's messages, English and Simplified Chinese side by side.
 * Spread into ../en.ts and ../zh-CN.ts; keys start with 'orders.'.
 */
export const ordersEn = {
} as const;

export const ordersZh: { readonly [K in keyof typeof ordersEn]: string } = {
};
