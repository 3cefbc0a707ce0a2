/** Customers: the list, the 360° profile, RFM segments, duplicates and merges. */
export const customersOperations = {} as const;
