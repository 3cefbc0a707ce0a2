/** The edited payload as a JSON object, or not ok (a payload is always one object, never a list or a bare value). */
export function parsePayload(text: string): { ok: true; payload: Record<string, unknown> } | { ok: false } {
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value)) return { ok: true, payload: value as Record<string, unknown> };
  } catch {
    // Not JSON at all: reported the same way as JSON that is not an object.
  }
  return { ok: false };
}
