import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type * as GraphqlModule from './graphql';
import type * as ShopModule from './shop';

/**
 * Starts the real Vendure peer (server.js) for a test file: a child process on a free port, in a
 * temporary data folder copied from a seeded template, stopped with its whole process group.
 * The template is seeded once per machine and peer version (the cache key hashes the lockfile and
 * the peer's scripts), so each test file starts from the same seeded shop in seconds.
 */
const here = import.meta.dirname;
const requirePeer = createRequire(join(here, 'server.js'));
const NODE_MODULES = join(here, 'node_modules');

export interface VendurePeer {
  url: string;
  adminApi: string;
  shopApi: string;
  /** The API key the seed made (null on an unseeded server). */
  apiKey: string | null;
  superadmin: { username: string; password: string };
  dataDir: string;
  /** What the seed placed and did, and how long it took. */
  seeded: { orders: number; work: Record<string, number>; seedMs: number } | null;
  /** A clean stop (the database is saved on every write anyway). */
  stop(): Promise<void>;
  /** SIGKILL, as a crash or a pulled plug would. */
  kill(): Promise<void>;
  /** Stop, then start again on the same port and data. */
  restart(): Promise<void>;
  admin<T>(query: string, variables?: object): Promise<T>;
  /** Staff actions (settle, fulfil, ship, deliver, cancel, refund, edit a customer). */
  desk: ShopModule.Staff;
  shop: { placeOrder(order: ShopModule.NewOrder): Promise<ShopModule.PlacedOrder> };
}

function peerModules(): { graphql: typeof GraphqlModule; shop: typeof ShopModule } {
  if (!existsSync(join(NODE_MODULES, '@vendure', 'core'))) {
    throw new Error('The Vendure test peer is not installed: run `npm ci --prefix tests/integration/vendure` (npm test does it when missing).');
  }
  return { graphql: requirePeer('./graphql.js') as typeof GraphqlModule, shop: requirePeer('./shop.js') as typeof ShopModule };
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Runs a peer script and resolves with its last stdout line parsed as JSON. */
function runScript(args: string[], timeoutMs: number): Promise<Record<string, unknown>> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, args, { cwd: here, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      const last = stdout.trim().split('\n').pop() ?? '';
      if (code === 0 && last.startsWith('{')) resolveRun(JSON.parse(last) as Record<string, unknown>);
      else reject(new Error(`${args.join(' ')} exited with ${code}: ${stderr.slice(-2000)}`));
    });
  });
}

function templateKey(): string {
  const hash = createHash('sha256');
  for (const file of ['package-lock.json', 'server.js', 'seed.js', 'shop.js', 'graphql.js']) hash.update(readFileSync(join(here, file)));
  return hash.digest('hex').slice(0, 16);
}

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A lock whose owner's process is gone (or that never got its pid within a minute). */
function lockOwnerDied(lock: string): boolean {
  try {
    const owner = Number(readFileSync(join(lock, 'pid'), 'utf8'));
    return owner > 0 && !alive(owner);
  } catch {
    try {
      return Date.now() - statSync(lock).mtimeMs > 60_000;
    } catch {
      return false; // released meanwhile
    }
  }
}

/**
 * The seeded template folder, made once: test files running in parallel take a lock (a folder
 * with the owner's pid); the others wait for it, and a lock whose owner died is taken over.
 */
export async function seededTemplate(): Promise<string> {
  const dir = join(tmpdir(), `backroom-vendure-${templateKey()}`);
  const lock = `${dir}.lock`;
  for (;;) {
    if (existsSync(join(dir, 'peer.json'))) return dir;
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
    } catch {
      if (lockOwnerDied(lock)) rmSync(lock, { recursive: true, force: true });
      await sleep(500);
      continue;
    }
    try {
      if (existsSync(join(dir, 'peer.json'))) return dir;
      const building = mkdtempSync(`${dir}.building-`);
      try {
        await runScript(['seed.js', '--data', building, '--port', String(await freePort())], 600_000);
      } catch (error) {
        rmSync(building, { recursive: true, force: true });
        throw error;
      }
      rmSync(dir, { recursive: true, force: true });
      renameSync(building, dir);
      // Templates of earlier peer versions are never used again.
      for (const name of readdirSync(tmpdir())) {
        if (/^backroom-vendure-[0-9a-f]{16}$/.test(name) && join(tmpdir(), name) !== dir) rmSync(join(tmpdir(), name), { recursive: true, force: true });
      }
      return dir;
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) if (child.pid && child.exitCode === null) try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
});

/** Bootstrapping takes 2–15 s on a busy 2-core machine. */
const START_TIMEOUT_MS = 120_000;

function spawnServer(port: number, dataDir: string): Promise<ChildProcess> {
  return new Promise((resolveStart, reject) => {
    // Its own process group, so a stop takes everything it started.
    const child = spawn(process.execPath, ['server.js', '--port', String(port), '--data', dataDir, '--parent', String(process.pid)],
      { cwd: here, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    running.add(child);
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const lines = createInterface({ input: child.stdout! });
    const tooSlow = setTimeout(() => {
      reject(new Error(`the Vendure peer did not answer within ${START_TIMEOUT_MS / 1000} s: ${stderr.slice(-2000)}`));
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    }, START_TIMEOUT_MS);
    lines.on('line', (line) => {
      if (!line.startsWith('{"ready":true')) return;
      clearTimeout(tooSlow);
      resolveStart(child);
    });
    child.once('exit', (code) => {
      clearTimeout(tooSlow);
      running.delete(child);
      reject(new Error(`the Vendure peer exited with ${code} before it was ready: ${stderr.slice(-2000)}`));
    });
  });
}

function endProcess(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return Promise.resolve();
  return new Promise((done) => {
    const force = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      running.delete(child);
      done();
    });
    try {
      process.kill(-child.pid!, signal);
    } catch {
      done();
    }
  });
}

/** peer.json, written by seed.js. */
interface SeedInfo { apiKey: string; orders: number; work: Record<string, number>; seedMs: number }

export async function startVendure(options: { seeded?: boolean } = {}): Promise<VendurePeer> {
  const { graphql, shop } = peerModules();
  const seeded = options.seeded ?? true;
  const dataDir = mkdtempSync(join(tmpdir(), 'backroom-vendure-run-'));
  let peerInfo: SeedInfo | null = null;
  if (seeded) {
    const template = await seededTemplate();
    copyFileSync(join(template, 'vendure.sqlite'), join(dataDir, 'vendure.sqlite'));
    peerInfo = JSON.parse(readFileSync(join(template, 'peer.json'), 'utf8')) as SeedInfo;
  }
  const port = await freePort();
  let child = await spawnServer(port, dataDir);
  const url = `http://127.0.0.1:${port}`;
  const superadmin = { username: 'superadmin', password: 'superadmin' };
  const adminApi = `${url}/admin-api`;
  const session = await graphql.adminSession(adminApi, superadmin.username, superadmin.password);
  const peer: VendurePeer = {
    url, adminApi, shopApi: `${url}/shop-api`, apiKey: peerInfo?.apiKey ?? null, superadmin, dataDir,
    seeded: peerInfo ? { orders: peerInfo.orders, work: peerInfo.work, seedMs: peerInfo.seedMs } : null,
    async stop() {
      await endProcess(child, 'SIGTERM');
      rmSync(dataDir, { recursive: true, force: true });
    },
    async kill() {
      await endProcess(child, 'SIGKILL');
    },
    async restart() {
      await endProcess(child, 'SIGTERM');
      child = await spawnServer(port, dataDir);
    },
    admin: <T>(query: string, variables?: object) => session.request<T>(query, variables),
    desk: shop.staff(session),
    shop: { placeOrder: (order) => shop.placeOrder(`${url}/shop-api`, order) },
  };
  return peer;
}
