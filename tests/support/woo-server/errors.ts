/** WordPress's REST error: answered as { code, message, data: { status, ... } }. */
export class WooHttpError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly extra: Record<string, unknown> = {}) {
    super(message);
  }
}
