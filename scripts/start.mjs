// npm start [-- --data-dir DIR] [--port N] [--token T] [--host H] [--browser]
//
// Builds the app and opens the Electron window on the merchant's profile.
// Where Electron cannot start (no binary on disk, no display, no Electron-ABI
// better-sqlite3), it says so in one line and serves the same console in the
// browser instead (browser mode: src/main/cli/serve.ts prints the URL).
// --port, --token and --host apply to browser mode; --browser forces it.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { findElectronBinary, hasDisplay, projectRoot, shortPath } from './electron-binary.cjs';
import { ensureElectronNative } from './native-electron.cjs';

const DEFAULT_PORT = '4319';
/** Same folder as the app's default profile (src/main/shellArgs.ts PROFILE_FOLDER_NAME). */
const PROFILE_FOLDER_NAME = 'Backroom';

const USAGE = 'usage: npm start -- [--data-dir DIR] [--port N] [--token T] [--host H] [--browser]';

function readOptions() {
  try {
    return parseArgs({
      args: process.argv.slice(2),
      options: {
        'data-dir': { type: 'string' },
        port: { type: 'string' },
        token: { type: 'string' },
        host: { type: 'string' },
        browser: { type: 'boolean', default: false },
      },
      strict: true,
    }).values;
  } catch (error) {
    console.error(`${error.message}\n${USAGE}`);
    process.exit(2);
  }
}

const options = readOptions();

/** Electron's `appData` folder, so both modes open the same profile by default. */
function defaultDataDir() {
  if (process.platform === 'win32') {
    return join(process.env.APPDATA || join(homedir(), 'AppData', 'Roaming'), PROFILE_FOLDER_NAME);
  }
  if (process.platform === 'darwin') {
    return join(homedir(), 'Library', 'Application Support', PROFILE_FOLDER_NAME);
  }
  return join(process.env.XDG_CONFIG_HOME || join(homedir(), '.config'), PROFILE_FOLDER_NAME);
}

const dataDir = resolve(options['data-dir'] ?? defaultDataDir());

/** electron-vite build of main, preload and renderer; its output only when it fails. */
function build() {
  console.log('Building Backroom…');
  const cli = join(projectRoot, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const result = spawnSync(process.execPath, [cli, 'build'], { cwd: projectRoot, encoding: 'utf8' });
  if (result.status !== 0) {
    process.stderr.write(`${result.stdout ?? ''}${result.stderr ?? ''}`);
    console.error(`The build failed${result.error ? ` (${result.error.message})` : ''}; nothing was started.`);
    process.exit(1);
  }
}

/**
 * Runs `command` until it exits, then exits with its code. On POSIX the child
 * gets its own process group, so a terminal's Ctrl-C reaches only this script,
 * which passes each signal on exactly once (a second SIGINT would cut short
 * the child's orderly shutdown). On Windows, Ctrl-C reaches the child directly.
 */
function runToEnd(command, args, env) {
  const posix = process.platform !== 'win32';
  const child = spawn(command, args, { cwd: projectRoot, env, stdio: 'inherit', detached: posix });
  let exited = false;
  child.on('exit', (code, signal) => {
    exited = true;
    process.exitCode = code ?? (signal ? 1 : 0);
  });
  child.on('error', (error) => {
    exited = true;
    console.error(`Could not start ${shortPath(command)}: ${error.message}`);
    process.exitCode = 1;
  });
  const forward = (signal) => () => {
    if (!exited && posix) child.kill(signal);
  };
  process.on('SIGINT', forward('SIGINT'));
  process.on('SIGTERM', forward('SIGTERM'));
  if (posix) process.on('SIGHUP', forward('SIGHUP'));
  // Never leave the child behind if this script dies first.
  process.on('exit', () => {
    if (!exited) child.kill('SIGTERM');
  });
}

function startElectron(binary, nativeBinding) {
  const env = { ...process.env, BACKROOM_NATIVE_BINDING: nativeBinding };
  // Set in some shells by Electron-based editors; it would make the app run as plain Node.
  delete env.ELECTRON_RUN_AS_NODE;
  console.log(`Opening Backroom on ${dataDir}`);
  runToEnd(binary, ['.', '--data-dir', dataDir], env);
}

function startBrowserMode() {
  const args = [
    '--import',
    'tsx',
    join('src', 'main', 'cli', 'serve.ts'),
    '--data-dir',
    dataDir,
    '--port',
    options.port ?? DEFAULT_PORT,
    '--token',
    options.token ?? randomBytes(18).toString('base64url'),
  ];
  if (options.host) args.push('--host', options.host);
  runToEnd(process.execPath, args, process.env);
}

function main() {
  const electron = findElectronBinary();
  if (options.browser) {
    console.log('Browser mode requested; serving the console in your browser.');
  } else if (!electron.path) {
    console.log(
      `Electron is not available here (no binary at ${shortPath(electron.expectedAt)}); serving the console in your browser instead.`,
    );
  } else if (!hasDisplay()) {
    console.log('No display here (neither DISPLAY nor WAYLAND_DISPLAY is set); serving the console in your browser instead.');
  } else {
    build();
    const native = ensureElectronNative({ log: console.log });
    if (native.ok) {
      startElectron(electron.path, native.path);
      return;
    }
    console.log(
      `Could not build better-sqlite3 for Electron ${electron.version}: ${native.reason}; serving the console in your browser instead.`,
    );
    startBrowserMode();
    return;
  }
  build();
  startBrowserMode();
}

main();
