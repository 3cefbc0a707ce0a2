import type BetterSqlite3 from 'better-sqlite3';
import { STARTER_ARTICLES } from './seed-articles';
import { STARTER_MACROS } from './seed-macros';

/**
 * Starter macros and knowledge-base articles for a new shop, in both
 * languages. Safe to run again: what already exists (a macro of the same name
 * and language, an article of the same title and language) is left alone, so
 * a merchant's edits survive.
 */
export function seedServiceContent(sqlite: BetterSqlite3.Database, now: Date): void {
  const at = now.toISOString();
  const macro = sqlite.prepare(
    `INSERT INTO macros (name, language, body, actions, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (name, language) DO NOTHING`,
  );
  const articleExists = sqlite.prepare('SELECT 1 FROM kb_articles WHERE title = ? AND language = ?');
  const article = sqlite.prepare(
    'INSERT INTO kb_articles (title, language, body, tags, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  sqlite.transaction(() => {
    for (const m of STARTER_MACROS) {
      const actions = JSON.stringify(m.actions);
      macro.run(m.name.en, 'en', m.body.en, actions, at, at);
      macro.run(m.name.zh, 'zh-CN', m.body.zh, actions, at, at);
    }
    for (const a of STARTER_ARTICLES) {
      for (const [language, key] of [['en', 'en'], ['zh-CN', 'zh']] as const) {
        if (articleExists.get(a.title[key], language)) continue;
        article.run(a.title[key], language, a.body[key], JSON.stringify(a.tags[key]), at, at);
      }
    }
  })();
}
