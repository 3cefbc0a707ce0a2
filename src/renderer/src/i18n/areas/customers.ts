/**
 * The customers area's messages, English and Simplified Chinese side by side.
 * Spread into ../en.ts and ../zh-CN.ts; keys start with 'customers.'.
 */
export const customersEn = {
} as const;

export const customersZh: { readonly [K in keyof typeof customersEn]: string } = {
};
