import type { ParsedInputOf } from '../../../../shared/contract';
import { macroActions, type Macro, type MacroActions } from '../../../../shared/contract/macros';
import { AppError } from '../../../../shared/errors';
import type { Sqlite } from '../../../db/connection';
import { recordAudit } from '../../audit/log';
import { requireActiveStaff } from '../staff-check';
import { containsPattern, writeContentRow } from './content-row';

/** Macros: canned replies per language, with the actions a reply made from them applies. */
interface MacroRecord {
  id: number;
  name: string;
  language: Macro['language'];
  body: string;
  actions: string;
  active: number;
  version: number;
  updatedAt: string;
}

const COLUMNS = 'id, name, language, body, actions, active, version, updated_at AS updatedAt';

function parseActions(json: string): MacroActions {
  try {
    const parsed = macroActions.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

function toMacro(row: MacroRecord): Macro {
  return { ...row, actions: parseActions(row.actions), active: row.active === 1 };
}

export function getMacro(sqlite: Sqlite, id: number): Macro {
  const row = sqlite.prepare<[number], MacroRecord>(`SELECT ${COLUMNS} FROM macros WHERE id = ?`).get(id);
  if (!row) throw new AppError('NOT_FOUND', `There is no macro with id ${id}.`);
  return toMacro(row);
}

export function listMacros(sqlite: Sqlite, input: ParsedInputOf<'macros.list'>): Macro[] {
  const where: string[] = [];
  const values: (string | number)[] = [];
  if (input.language) {
    where.push('language = ?');
    values.push(input.language);
  }
  if (!input.includeInactive) where.push('active = 1');
  if (input.search) {
    where.push(`(name LIKE ? ESCAPE '\\' OR body LIKE ? ESCAPE '\\')`);
    const like = containsPattern(input.search);
    values.push(like, like);
  }
  return sqlite
    .prepare<(string | number)[], MacroRecord>(
      `SELECT ${COLUMNS} FROM macros ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY name COLLATE NOCASE, language`,
    )
    .all(...values)
    .map(toMacro);
}

export function saveMacro(sqlite: Sqlite, input: ParsedInputOf<'macros.save'>, now: Date): Macro {
  return sqlite.transaction((): Macro => {
    requireActiveStaff(sqlite, input.staffId);
    const clash = sqlite
      .prepare<[string, string, number], number>('SELECT id FROM macros WHERE name = ? AND language = ? AND id <> ?')
      .pluck()
      .get(input.name, input.language, input.id ?? 0);
    if (clash !== undefined) {
      throw new AppError('VALIDATION', `There is already a macro called "${input.name}" in this language; choose another name.`);
    }
    const id = writeContentRow(sqlite, {
      table: 'macros',
      columns: ['name', 'language', 'body', 'actions', 'active'],
      values: [input.name, input.language, input.body, JSON.stringify(input.actions), input.active ? 1 : 0],
      id: input.id,
      expectedVersion: input.expectedVersion,
      at: now.toISOString(),
      current: (macroId) => getMacro(sqlite, macroId),
      staleMessage: (current) => `The macro "${current.name}" was changed by someone else since you opened it; review it and save again.`,
    });
    recordAudit(sqlite, {
      at: now, staffId: input.staffId, entityType: 'macro', entityId: id,
      action: input.id === undefined ? 'macro.create' : 'macro.update',
      detail: { macroId: id, name: input.name, language: input.language, active: input.active },
    });
    return getMacro(sqlite, id);
  })();
}
