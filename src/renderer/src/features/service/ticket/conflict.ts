import { ApiError } from '../../../api';

/** The ticket as the core says it is now, read from a CONFLICT answer's details (whatever of it is there). */
export interface CurrentTicketValues {
  status?: string;
  priority?: string;
  assigneeName?: string | null;
  tags?: string[];
  subject?: string;
  version?: number;
}

export function conflictCurrent(error: unknown): CurrentTicketValues | null {
  if (!(error instanceof ApiError) || error.code !== 'CONFLICT') return null;
  const current = (error.details as { current?: unknown } | undefined)?.current;
  if (!current || typeof current !== 'object') return {};
  const c = current as Record<string, unknown>;
  const assignee = c['assignee'] as { name?: unknown } | null | undefined;
  return {
    status: typeof c['status'] === 'string' ? c['status'] : undefined,
    priority: typeof c['priority'] === 'string' ? c['priority'] : undefined,
    assigneeName: assignee === null ? null : typeof assignee?.name === 'string' ? assignee.name : undefined,
    tags: Array.isArray(c['tags']) ? c['tags'].filter((tag): tag is string => typeof tag === 'string') : undefined,
    subject: typeof c['subject'] === 'string' ? c['subject'] : undefined,
    version: typeof c['version'] === 'number' ? c['version'] : undefined,
  };
}
