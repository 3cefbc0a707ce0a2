import type { ParsedInputOf } from '../../../../shared/contract';
import { macroActions, type Macro, type MacroActions } from '../../../../shared/contract/macros';
import { AppError } from '../../../../shared/errors';
import type { Sqlite } from '../../../db/connection';
import { recordAudit } from '../../audit/log';
import { requireActiveStaff } from '../staff-check';

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
    const like = `%${input.search.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
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
    const at = now.toISOString();
    const clash = sqlite
      .prepare<[string, string, number], number>('SELECT id FROM macros WHERE name = ? AND language = ? AND id <> ?')
      .pluck()
      .get(input.name, input.language, input.id ?? 0);
    if (clash !== undefined) {
      throw new AppError('VALIDATION', `There is already a macro called "${input.name}" in this language; choose another name.`);
    }
    const actions = JSON.stringify(input.actions);
    let id: number;
    if (input.id === undefined) {
      id = Number(
        sqlite
          .prepare(`INSERT INTO macros (name, language, body, actions, active, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`)
          .run(input.name, input.language, input.body, actions, input.active ? 1 : 0, at, at).lastInsertRowid,
      );
    } else {
      const current = getMacro(sqlite, input.id);
      if (input.expectedVersion === undefined || current.version !== input.expectedVersion) {
        throw new AppError('CONFLICT', `The macro "${current.name}" was changed by someone else since you opened it; review it and save again.`,
          { current });
      }
      id = input.id;
      sqlite
        .prepare(`UPDATE macros SET name = ?, language = ?, body = ?, actions = ?, active = ?, version = version + 1,
                  updated_at = ? WHERE id = ?`)
        .run(input.name, input.language, input.body, actions, input.active ? 1 : 0, at, id);
    }
    recordAudit(sqlite, {
      at: now, staffId: input.staffId, entityType: 'macro', entityId: id,
      action: input.id === undefined ? 'macro.create' : 'macro.update',
      detail: { macroId: id, name: input.name, language: input.language, active: input.active },
    });
    return getMacro(sqlite, id);
  })();
}
