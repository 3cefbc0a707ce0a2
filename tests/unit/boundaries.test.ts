import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The process boundaries of ARCHITECTURE.md, checked on every run: electron
 * only in the shell and preload, plain TypeScript in src/shared, and a
 * renderer that never reaches into the main process's code.
 */
const root = join(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mts)$/.test(name) ? [relative(root, path).split('\\').join('/')] : [];
  });
}

const imports = (file: string): string[] =>
  [...readFileSync(join(root, file), 'utf8').matchAll(/(?:from\s+|import\s*\(\s*|require\(\s*)['"]([^'"]+)['"]/g)].map(
    (m) => m[1]!,
  );

// The shell's files, by name prefix (window.ts, windowSecurity.ts, ipc.ts, shellProtocol.ts…).
const SHELL_FILES =
  /^src\/main\/(index|window|windows|ipc|secrets|menu|shell|platform|updater)[^/]*\.ts$|^src\/main\/(shell|electron)\/|^src\/preload\//;

describe('process boundaries', () => {
  it('imports electron only in the shell files and preload', () => {
    const offenders = sourceFiles(join(root, 'src'))
      .filter((f) => imports(f).some((i) => i === 'electron' || i.startsWith('electron/')))
      .filter((f) => !SHELL_FILES.test(f));
    expect(offenders).toEqual([]);
  });

  it('keeps src/shared free of node, electron, sqlite and react', () => {
    const offenders = sourceFiles(join(root, 'src/shared')).filter((f) =>
      imports(f).some((i) => /^(node:|fs$|path$|electron|better-sqlite3|react)/.test(i)),
    );
    expect(offenders).toEqual([]);
  });

  it('keeps the renderer out of main and preload code', () => {
    const offenders = sourceFiles(join(root, 'src/renderer')).filter((f) =>
      imports(f).some((i) => /(^|\/)(main|preload)\//.test(i) || i.startsWith('node:') || i === 'better-sqlite3'),
    );
    expect(offenders).toEqual([]);
  });
});
