/** One local change a person made, as the audit trail shows it (newest first). */
export interface AuditEntry {
  id: number;
  at: string;
  staff: { id: number; name: string } | null;
  action: string;
  /** What changed, as written by the area that made the change. */
  detail: Record<string, unknown>;
}
