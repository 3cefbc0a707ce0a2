import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { InputOf } from '../../../../shared/contract';
import { invoke } from '../../api';

/** Changing the range keeps the previous figures on screen (dimmed) until the new ones arrive. */
export const usePaymentsSummary = (input: InputOf<'payments.summary'>) =>
  useQuery({
    queryKey: ['payments', 'payments.summary', input],
    queryFn: () => invoke('payments.summary', input),
    placeholderData: keepPreviousData,
  });
