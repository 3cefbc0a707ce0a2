// Finds the Electron binary on disk, without ever loading the `electron`
// package: its index.js downloads the binary when it is missing, which must
// not happen as a side effect of asking "is it there?".
//
// Used by scripts/start.mjs and the Electron end-to-end tests. CommonJS on
// purpose: Playwright compiles every file a test imports to CommonJS, which
// breaks for .mjs files on Node versions that can require() ES modules.
'use strict';
const { existsSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

const projectRoot = join(__dirname, '..');

const electronPackageDir = join(projectRoot, 'node_modules', 'electron');

/** The executable's path inside a dist folder, as electron's install.js writes it to path.txt. */
function platformExecutable(platform = process.platform) {
  if (platform === 'darwin' || platform === 'mas') return 'Electron.app/Contents/MacOS/Electron';
  if (platform === 'win32') return 'electron.exe';
  return 'electron';
}

function readTrimmed(file) {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return null;
  }
}

/** The version of the installed `electron` npm package, or null when it is not installed. */
function electronPackageVersion() {
  const text = readTrimmed(join(electronPackageDir, 'package.json'));
  if (!text) return null;
  try {
    return JSON.parse(text).version ?? null;
  } catch {
    return null;
  }
}

/**
 * Where the Electron binary is (or would be), and whether it is there.
 *
 * Honours ELECTRON_OVERRIDE_DIST_PATH the same way electron's index.js does.
 * `version` is the binary's own version (dist/version) when known, which is
 * what a native module must be built against; otherwise the package version.
 *
 * @returns {{ path: string | null, expectedAt: string, distDir: string, version: string | null }}
 */
function findElectronBinary() {
  const overrideDir = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const distDir = overrideDir ? overrideDir : join(electronPackageDir, 'dist');
  const relative = readTrimmed(join(electronPackageDir, 'path.txt')) || platformExecutable();
  const expectedAt = join(distDir, relative);
  const present = existsSync(expectedAt);
  const distVersion = readTrimmed(join(distDir, 'version'));
  return {
    path: present ? expectedAt : null,
    expectedAt,
    distDir,
    version: distVersion ? distVersion.replace(/^v/, '') : electronPackageVersion(),
  };
}

/** Whether a window can be shown: always on Windows and macOS, on Linux only with X11 or Wayland. */
function hasDisplay(env = process.env, platform = process.platform) {
  if (platform === 'win32' || platform === 'darwin') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/** Path relative to the project, for messages. */
function shortPath(path) {
  return path.startsWith(projectRoot) ? path.slice(projectRoot.length + 1) : path;
}

module.exports = { projectRoot, electronPackageVersion, findElectronBinary, hasDisplay, shortPath };
