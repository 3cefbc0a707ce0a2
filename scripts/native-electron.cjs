// Builds better-sqlite3 for Electron's ABI, once per Electron version, into
// .native/electron-<version>/better_sqlite3.node. The copy in node_modules
// stays built for Node's ABI (tests, browser mode, benchmarks); the app loads
// this one through better-sqlite3's `nativeBinding` option
// (env BACKROOM_NATIVE_BINDING, set by scripts/start.mjs and the Electron tests).
//
//   node scripts/native-electron.cjs            build for the installed Electron if missing
//   node scripts/native-electron.cjs --force    rebuild
'use strict';
const { spawnSync } = require('node:child_process');
const { copyFileSync, cpSync, existsSync, mkdirSync, rmSync } = require('node:fs');
const { createRequire } = require('node:module');
const { homedir } = require('node:os');
const { dirname, join, sep } = require('node:path');
const { findElectronBinary, projectRoot, shortPath } = require('./electron-binary.cjs');

const ELECTRON_HEADERS_URL = 'https://electronjs.org/headers';

/** Where the Electron-ABI build for `version` lives. */
function electronNativePath(version, root = projectRoot) {
  return join(root, '.native', `electron-${version}`, 'better_sqlite3.node');
}

/** npm's own node-gyp (npm sets npm_config_node_gyp for scripts), else one nearby. */
function findNodeGyp() {
  const candidates = [process.env.npm_config_node_gyp];
  try {
    candidates.push(createRequire(join(projectRoot, 'package.json')).resolve('node-gyp/bin/node-gyp.js'));
  } catch {
    // not a project dependency; npm bundles one
  }
  if (process.env.npm_execpath) {
    candidates.push(join(dirname(process.env.npm_execpath), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  }
  const nodeDir = dirname(process.execPath);
  candidates.push(
    join(nodeDir, '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    join(nodeDir, 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  );
  return candidates.find((candidate) => candidate && existsSync(candidate)) ?? null;
}

/** The most telling line of node-gyp's output, for a one-line failure message. */
function failureLine(output) {
  const lines = output.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  // node-gyp's error message, without the stack frames.
  const message = lines
    .filter((line) => line.startsWith('gyp ERR! stack ') && !/^gyp ERR! stack\s+at /.test(line))
    .map((line) => line.replace(/^gyp ERR! stack /, ''))
    .join(' ');
  const download = lines.find((line) => line.startsWith('gyp http GET '));
  if (download && /network|ENOTFOUND|ECONN|ETIMEDOUT|EAI_AGAIN|proxy|40\d|50\d/i.test(message)) {
    return `could not download the headers (${download.replace('gyp http GET ', '')}): no network?`;
  }
  const compilerError = lines.find((line) => /\berror\b/i.test(line) && !line.startsWith('gyp '));
  return compilerError ?? (message || lines.at(-1) || 'node-gyp failed');
}

/**
 * Compiles better-sqlite3 from a copy of its package under .native, so the
 * build in node_modules is never touched. `runtime: 'electron'` fetches
 * Electron's headers from `distUrl` (once; node-gyp caches them in `devDir`),
 * unless `nodeDir` points at headers already on disk.
 *
 * @returns {{ ok: true, path: string } | { ok: false, reason: string }}
 */
function buildBetterSqlite3({
  target,
  runtime = 'electron',
  arch = process.arch,
  distUrl = runtime === 'electron' ? ELECTRON_HEADERS_URL : undefined,
  devDir = runtime === 'electron' ? join(homedir(), '.electron-gyp') : undefined,
  nodeDir,
  outFile,
  log = () => {},
}) {
  const nodeGyp = findNodeGyp();
  if (!nodeGyp) return { ok: false, reason: 'node-gyp was not found (it ships with npm)' };
  const source = join(projectRoot, 'node_modules', 'better-sqlite3');
  if (!existsSync(join(source, 'binding.gyp'))) {
    return { ok: false, reason: 'node_modules/better-sqlite3 is missing; run npm install first' };
  }
  const outDir = dirname(outFile);
  const work = join(outDir, 'better-sqlite3');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  // Sources only: never the Node-ABI build/ folder.
  cpSync(source, work, {
    recursive: true,
    filter: (path) => !path.slice(source.length).split(sep).includes('build'),
  });

  const args = [nodeGyp, 'rebuild', '--release', `--target=${target}`, `--arch=${arch}`];
  if (runtime === 'electron') args.push('--runtime=electron');
  if (nodeDir) args.push(`--nodedir=${nodeDir}`);
  else if (distUrl) args.push(`--dist-url=${distUrl}`);
  if (devDir) args.push(`--devdir=${devDir}`);
  log(`Building better-sqlite3 for ${runtime} ${target} (${arch}) in ${shortPath(work)}…`);
  const result = spawnSync(process.execPath, args, {
    cwd: work,
    encoding: 'utf8',
    timeout: 15 * 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  const built = join(work, 'build', 'Release', 'better_sqlite3.node');
  if (result.error || result.status !== 0 || !existsSync(built)) {
    const output = `${result.stdout ?? ''}\n${result.stderr ?? ''}`;
    rmSync(work, { recursive: true, force: true });
    return { ok: false, reason: result.error ? result.error.message : failureLine(output) };
  }
  copyFileSync(built, outFile);
  rmSync(work, { recursive: true, force: true });
  return { ok: true, path: outFile };
}

/**
 * The Electron-ABI better-sqlite3 for the Electron binary on disk, built if missing.
 *
 * @returns {{ ok: true, path: string } | { ok: false, reason: string }}
 */
function ensureElectronNative({ force = false, log = () => {} } = {}) {
  const { version } = findElectronBinary();
  if (!version) return { ok: false, reason: 'the electron package is not installed' };
  const outFile = electronNativePath(version);
  if (!force && existsSync(outFile)) return { ok: true, path: outFile };
  // Offline machines can point at Electron's headers unpacked by hand
  // (node-v<version>-headers.tar.gz from electronjs.org/headers).
  const nodeDir = process.env.BACKROOM_ELECTRON_HEADERS || undefined;
  return buildBetterSqlite3({ target: version, runtime: 'electron', nodeDir, outFile, log });
}

module.exports = { electronNativePath, findNodeGyp, failureLine, buildBetterSqlite3, ensureElectronNative };

if (require.main === module) {
  const result = ensureElectronNative({ force: process.argv.includes('--force'), log: console.log });
  if (result.ok) {
    console.log(`Electron-ABI better-sqlite3: ${shortPath(result.path)}`);
  } else {
    console.error(`Could not build better-sqlite3 for Electron: ${result.reason}`);
    process.exitCode = 1;
  }
}
