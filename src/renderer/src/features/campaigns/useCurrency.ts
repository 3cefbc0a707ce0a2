import { useAppInfo } from '../settings/api';

/** The currency money fields are typed in: the chosen store's, else the first store's. */
export function useCampaignCurrency(storeId: number | null): string {
  const stores = useAppInfo().data?.stores ?? [];
  return (stores.find((s) => s.id === storeId) ?? stores[0])?.currency ?? 'USD';
}
