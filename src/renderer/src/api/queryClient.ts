import { QueryClient } from '@tanstack/react-query';
import { errorCodeOf } from './ApiError';

/** Only errors that can heal by themselves are retried; a refused token or bad input is not. */
const TRANSIENT = new Set(['OFFLINE', 'UPSTREAM']);

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failureCount, error) => failureCount < 2 && TRANSIENT.has(errorCodeOf(error)),
        // Local data changes only through us, and `data.changed` tells us when.
        staleTime: 60_000,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}
