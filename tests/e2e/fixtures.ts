import { test as base, expect, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Browser end-to-end fixture: per worker, a fresh demo profile in a temp
 * directory and browser mode (`src/main/cli/serve.ts`) serving the built
 * renderer over it. Tests read the same database read-only to check that the
 * figures on screen are the figures in SQL.
 */
const ROOT = resolve(__dirname, '../..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const STARTUP_TIMEOUT_MS = 90_000;

export interface Backroom {
  /** http://127.0.0.1:PORT, no trailing slash. */
  origin: string;
  token: string;
  /** The address a merchant opens: `${origin}/?token=…`. */
  consoleUrl: string;
  dataDir: string;
  dbPath: string;
  /** One value from a read-only connection, e.g. `scalar('SELECT count(*) FROM orders')`. */
  scalar<T = number>(sql: string, ...params: unknown[]): T;
  /** Calls an operation over HTTP with the token (setup and clean-up, not the thing under test). */
  invoke(name: string, input?: unknown): Promise<unknown>;
}

type WorkerFixtures = {
  backroom: Backroom;
  /** The demo store's size (`npm run demo -- --size`): 'small' (2,000 orders) unless a spec asks for more. */
  demoSize: 'small' | 'medium';
};

export const test = base.extend<object, WorkerFixtures>({
  // A worker option: `test.use({ demoSize: 'medium' })` gives that spec's worker a 100,000-order store.
  demoSize: ['small', { scope: 'worker', option: true }],
  backroom: [
    async ({ demoSize }, use) => {
      const rendererDir = process.env.BACKROOM_RENDERER_DIR ?? join(ROOT, 'out', 'renderer');
      if (!existsSync(join(rendererDir, 'index.html'))) {
        throw new Error(`${rendererDir} is missing: build the renderer (npx electron-vite build) first.`);
      }
      const dataDir = mkdtempSync(join(tmpdir(), 'backroom-e2e-'));
      const dbPath = join(dataDir, 'backroom.sqlite');
      execFileSync('npm', ['run', '--silent', 'demo', '--', '--size', demoSize, '--data-dir', dataDir, '--seed', '7'], {
        cwd: ROOT,
        stdio: 'pipe',
        timeout: STARTUP_TIMEOUT_MS,
      });
      const port = await freePort();
      const token = randomBytes(18).toString('base64url');
      const server = startServer(dataDir, port, token);
      const origin = `http://127.0.0.1:${port}`;
      const db = new Database(dbPath, { readonly: true, fileMustExist: true });
      try {
        await waitForHealth(origin, server);
        await use({
          origin,
          token,
          consoleUrl: `${origin}/?token=${encodeURIComponent(token)}`,
          dataDir,
          dbPath,
          scalar: <T,>(sql: string, ...params: unknown[]) => db.prepare(sql).pluck().get(...params) as T,
          invoke: async (name, input = {}) => {
            const response = await fetch(`${origin}/api/${name}`, {
              method: 'POST',
              headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
              body: JSON.stringify(input),
            });
            const body = (await response.json()) as { ok: boolean; data?: unknown; error?: unknown };
            if (!body.ok) throw new Error(`${name} failed: ${JSON.stringify(body.error)}`);
            return body.data;
          },
        });
      } finally {
        db.close();
        await stopServer(server.child);
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
    { scope: 'worker', timeout: 3 * STARTUP_TIMEOUT_MS },
  ],
  baseURL: async ({ backroom }, use) => use(backroom.origin),
});

export { expect };

/** Opens the console with its token at a hash route and waits for the frame to be there. */
export async function openConsole(page: Page, backroom: Backroom, route = '/dashboard'): Promise<void> {
  await page.goto(`${backroom.consoleUrl}#${route}`);
  await expect(page.getByTestId('app-name')).toBeVisible();
}

/** Today's date in UTC, as the dashboard's presets anchor on it. */
export const todayUtc = (): string => new Date().toISOString().slice(0, 10);

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

interface RunningServer {
  child: ChildProcess;
  output: () => string;
}

function startServer(dataDir: string, port: number, token: string): RunningServer {
  const args = ['src/main/cli/serve.ts', '--data-dir', dataDir, '--port', String(port), '--token', token, '--no-demo'];
  // Own process group, so stopping it also stops tsx's child node process.
  const child = spawn(TSX, args, { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return { child, output: () => output };
}

async function waitForHealth(origin: string, server: RunningServer): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) {
      throw new Error(`browser mode exited with ${server.child.exitCode}:\n${server.output()}`);
    }
    try {
      const response = await fetch(`${origin}/api/health`);
      if (response.ok && ((await response.json()) as { ok?: boolean }).ok === true) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`browser mode did not answer /api/health within ${STARTUP_TIMEOUT_MS} ms:\n${server.output()}`);
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // Already gone.
    }
  };
  signalGroup('SIGTERM');
  const timer = setTimeout(() => signalGroup('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}
