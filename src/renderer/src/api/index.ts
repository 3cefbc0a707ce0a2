export { invoke, onPushEvent } from './client';
export { ApiError, errorCodeOf } from './ApiError';
export { createQueryClient } from './queryClient';
export { takeTokenFromUrl } from './token';
export { usePushEvent, useInvalidateOnDataChanged } from './usePushEvent';
