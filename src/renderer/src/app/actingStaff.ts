import { useSyncExternalStore } from 'react';
import { useAppInfo } from '../features/settings/api';

/**
 * Who is at the keyboard. Changes that need a named person (manual point
 * adjustments, notes, local refunds) send this staff id; the core records it
 * in the audit log. Kept per window in localStorage: several people may share
 * one machine, and the choice is theirs, not the profile's.
 */
const KEY = 'backroom.actingStaffId';
const listeners = new Set<() => void>();

function read(): number | null {
  const value = Number(localStorage.getItem(KEY));
  return Number.isInteger(value) && value > 0 ? value : null;
}

export function setActingStaffId(id: number): void {
  localStorage.setItem(KEY, String(id));
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export interface ActingStaff {
  id: number;
  name: string;
}

/** The chosen active staff member, else the first owner, else the first active one; null while loading or with no staff. */
export function useActingStaff(): ActingStaff | null {
  const chosen = useSyncExternalStore(subscribe, read);
  const staff = useAppInfo().data?.staff ?? [];
  const match = staff.find((s) => s.id === chosen) ?? staff.find((s) => s.role === 'owner') ?? staff[0];
  return match ? { id: match.id, name: match.name } : null;
}
