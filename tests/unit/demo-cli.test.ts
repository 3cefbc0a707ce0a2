import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openConnection } from '../../src/main/db/connection';
import { PROFILE_DB_FILE } from '../../src/main/core/profile';
import { memoryDb, tempDir } from '../helpers/db';
import { generateDemoStore } from '../../src/main/demo';

/** `npm run demo`: arguments checked up front, a profile made once, replaced only when asked. */
const root = join(__dirname, '..', '..');
const scratch = tempDir('backroom-demo-cli-');
afterAll(() => scratch.cleanup());

function demo(...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src/main/cli/demo.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('npm run demo', () => {
  it('rejects bad arguments with one sentence and exit code 2', () => {
    for (const [args, message] of [
      [['--size', 'huge', '--data-dir', scratch.dir], /--size must be small, medium, large or a number of orders/],
      [['--size', 'small'], /--data-dir is required/],
      [['--data-dir', scratch.dir, '--seed', 'x'], /--seed must be a whole number/],
      [['--data-dir', scratch.dir, '--colour', 'red'], /Unknown option --colour/],
    ] as const) {
      const run = demo(...args);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(message);
    }
  });

  it('makes a profile database, refuses to overwrite it, and replaces it with --force', () => {
    const dir = join(scratch.dir, 'profile');
    const dbPath = join(dir, PROFILE_DB_FILE);
    const first = demo('--data-dir', dir, '--size', '500', '--seed', '3');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Created "Maple & Moss \(demo\)" \(store 1, seed 3\): 500 orders, .* customers/);
    expect(first.stderr).toMatch(/Generating demo store: 100%/);

    const refused = demo('--data-dir', dir, '--size', '500');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/already holds a store; pass --force/);

    const replaced = demo('--data-dir', dir, '--size', '700', '--force');
    expect(replaced.code).toBe(0);
    const connection = openConnection(dbPath, { readonly: true });
    try {
      expect(connection.sqlite.prepare('SELECT count(*) FROM stores').pluck().get()).toBe(1);
      expect(connection.sqlite.prepare('SELECT count(*) FROM orders').pluck().get()).toBe(700);
    } finally {
      connection.close();
    }
  });
});

describe('generateDemoStore', () => {
  it('refuses to run inside an open transaction (it toggles pragmas that cannot change there)', async () => {
    const connection = await memoryDb();
    connection.sqlite.exec('BEGIN');
    expect(() => generateDemoStore(connection.sqlite, { size: { orders: 10 } })).toThrow(/own transaction/);
    connection.sqlite.exec('ROLLBACK');
    connection.close();
  });
});
