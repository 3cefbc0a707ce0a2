import { useAppInfo } from '../settings/api';

/** The currency money is shown in: the given store's, else the first store's. */
export function useStoreCurrency(storeId?: number): string {
  const stores = useAppInfo().data?.stores ?? [];
  return (stores.find((s) => s.id === storeId) ?? stores[0])?.currency ?? 'USD';
}
