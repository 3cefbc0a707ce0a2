export const customerHandlers = {};
