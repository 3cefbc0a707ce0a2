import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { InputOf } from '../../../../../shared/contract';
import { invoke } from '../../../api';

/*
 * The retention section's queries. Like the rest of the dashboard, a new range
 * keeps the previous figures on screen (dimmed) until the new ones arrive.
 */

export type InsightsScope = InputOf<'insights.overview'>;

export const useInsightsOverview = (scope: InsightsScope) =>
  useQuery({
    queryKey: ['insights', 'overview', scope],
    queryFn: () => invoke('insights.overview', scope),
    placeholderData: keepPreviousData,
  });

export const useCohorts = (input: InputOf<'insights.cohorts'>) =>
  useQuery({
    queryKey: ['insights', 'cohorts', input],
    queryFn: () => invoke('insights.cohorts', input),
    placeholderData: keepPreviousData,
  });

export const useRetention = (scope: InsightsScope) =>
  useQuery({
    queryKey: ['insights', 'retention', scope],
    queryFn: () => invoke('insights.retention', scope),
    placeholderData: keepPreviousData,
  });

export const useClv = (input: InputOf<'insights.clv'>) =>
  useQuery({
    queryKey: ['insights', 'clv', input],
    queryFn: () => invoke('insights.clv', input),
    placeholderData: keepPreviousData,
  });
