import { useRef } from 'react';

/**
 * Idempotency keys for writes made from a form. One key per submission: a
 * retry of the same values (after a timeout or an offline error) sends the
 * same key, so the core posts it at most once; changed values, or a new
 * submission after a success, get a fresh key.
 */
export function useSubmissionKey() {
  const last = useRef<{ fingerprint: string; key: string } | null>(null);
  return {
    keyFor(values: unknown): string {
      const fingerprint = JSON.stringify(values);
      if (last.current?.fingerprint !== fingerprint) last.current = { fingerprint, key: freshKey() };
      return last.current.key;
    },
    /** After a success: the next submission is a new event even with equal values. */
    reset(): void {
      last.current = null;
    },
  };
}

function freshKey(): string {
  if (typeof crypto.randomUUID === 'function') return `ui:${crypto.randomUUID()}`;
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `ui:${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
