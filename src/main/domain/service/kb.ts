import type { ParsedInputOf } from '../../../shared/contract';
import type { KbArticle } from '../../../shared/contract/macros';
import { AppError } from '../../../shared/errors';
import type { Sqlite } from '../../db/connection';
import { recordAudit } from '../audit/log';
import { containsPattern, writeContentRow } from './macros/content-row';
import { requireActiveStaff } from './staff-check';
import { parseTags } from './ticket-row';

/**
 * The knowledge base: articles in English and Simplified Chinese that staff
 * insert into replies. Search matches every word of the query anywhere in the
 * title, text or tags; Chinese has no spaces between words, so a run of
 * characters simply matches as a substring. A few hundred articles at most:
 * a scan is fast and needs no full-text index.
 */
interface ArticleRecord {
  id: number;
  title: string;
  language: KbArticle['language'];
  body: string;
  tags: string;
  active: number;
  version: number;
  updatedAt: string;
}

const COLUMNS = 'id, title, language, body, tags, active, version, updated_at AS updatedAt';

function toArticle(row: ArticleRecord): KbArticle {
  return { ...row, tags: parseTags(row.tags), active: row.active === 1 };
}

export function searchKb(sqlite: Sqlite, input: ParsedInputOf<'kb.search'>): KbArticle[] {
  const terms = input.query.split(/\s+/).filter(Boolean).slice(0, 10);
  const where: string[] = [];
  const values: (string | number)[] = [];
  if (!input.includeInactive) where.push('active = 1');
  if (input.language) {
    where.push('language = ?');
    values.push(input.language);
  }
  for (const term of terms) {
    where.push(`(title || ' ' || body || ' ' || tags) LIKE ? ESCAPE '\\'`);
    values.push(containsPattern(term));
  }
  // Articles whose title has the words come first; otherwise the newest.
  const titleRank = terms.length === 0 ? ''
    : `${terms.map(() => `(title LIKE ? ESCAPE '\\')`).join(' + ')} DESC, `;
  const rankValues = terms.map(containsPattern);
  return sqlite
    .prepare<(string | number)[], ArticleRecord>(
      `SELECT ${COLUMNS} FROM kb_articles ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY ${titleRank}updated_at DESC, id DESC LIMIT ?`,
    )
    .all(...values, ...rankValues, input.limit)
    .map(toArticle);
}

function getArticle(sqlite: Sqlite, id: number): KbArticle {
  const row = sqlite.prepare<[number], ArticleRecord>(`SELECT ${COLUMNS} FROM kb_articles WHERE id = ?`).get(id);
  if (!row) throw new AppError('NOT_FOUND', `There is no knowledge-base article with id ${id}.`);
  return toArticle(row);
}

export function saveKbArticle(sqlite: Sqlite, input: ParsedInputOf<'kb.save'>, now: Date): KbArticle {
  return sqlite.transaction((): KbArticle => {
    requireActiveStaff(sqlite, input.staffId);
    const id = writeContentRow(sqlite, {
      table: 'kb_articles',
      columns: ['title', 'language', 'body', 'tags', 'active'],
      values: [input.title, input.language, input.body, JSON.stringify([...new Set(input.tags)]), input.active ? 1 : 0],
      id: input.id,
      expectedVersion: input.expectedVersion,
      at: now.toISOString(),
      current: (articleId) => getArticle(sqlite, articleId),
      staleMessage: (current) => `The article "${current.title}" was changed by someone else since you opened it; review it and save again.`,
    });
    recordAudit(sqlite, {
      at: now, staffId: input.staffId, entityType: 'kb_article', entityId: id,
      action: input.id === undefined ? 'kb.create' : 'kb.update',
      detail: { articleId: id, title: input.title, language: input.language, active: input.active },
    });
    return getArticle(sqlite, id);
  })();
}
