#!/usr/bin/env node
/**
 * `npm test`: every suite, then one closing line `N passed, N failed, N skipped`.
 *   0. install the Vendure test peer (tests/integration/vendure) when a fresh clone lacks it
 *   1. build the app (the browser and Electron tests run the built renderer)
 *   2. vitest: the core in plain Node
 *   3. Playwright in Chromium: the console through browser mode
 *   4. Playwright with Electron: the desktop shell, where a binary exists
 * Exits non-zero when any test fails or any stage cannot run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const resultsDir = join(root, 'test-results');
rmSync(join(resultsDir, 'json'), { recursive: true, force: true });
mkdirSync(join(resultsDir, 'json'), { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
const problems = [];

function run(label, command, args, env = {}) {
  console.log(`\n── ${label} ──`);
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
    shell: process.platform === 'win32',
  });
  return result.status ?? 1;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

// The real Vendure server the integration tests run against has its own lockfile; a fresh clone installs it here.
const vendurePeer = join(root, 'tests', 'integration', 'vendure');
if (!existsSync(join(vendurePeer, 'node_modules', '@vendure', 'core'))) {
  const started = Date.now();
  if (run('installing the Vendure test peer', npm, ['ci', '--prefix', vendurePeer, '--no-audit', '--no-fund']) !== 0) {
    problems.push('the Vendure test peer could not be installed (npm ci --prefix tests/integration/vendure)');
  } else {
    const installMs = Date.now() - started;
    writeFileSync(join(resultsDir, 'vendure-install.json'), `${JSON.stringify({ installMs, by: 'scripts/test.mjs' })}\n`);
    console.log(`the Vendure test peer installed in ${(installMs / 1000).toFixed(1)} s`);
  }
}

if (run('build', npx, ['electron-vite', 'build']) !== 0) {
  problems.push('the build failed');
}

// vitest
const vitestJson = join(resultsDir, 'json', 'vitest.json');
const vitestStatus = run('unit and integration tests (vitest)', npx, [
  'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`,
]);
const vitest = readJson(vitestJson);
if (vitest) {
  totals.passed += vitest.numPassedTests;
  totals.failed += vitest.numFailedTests;
  totals.skipped += vitest.numPendingTests + vitest.numTodoTests;
  // A file that fails to load has no tests but is a failure all the same.
  const brokenFiles = (vitest.testResults ?? []).filter(
    (f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0,
  ).length;
  totals.failed += brokenFiles;
}
if (!vitest || (vitestStatus !== 0 && totals.failed === 0)) problems.push('vitest did not finish');

function playwright(label, config, file) {
  const status = run(label, npx, ['playwright', 'test', '-c', config, '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: file,
  });
  const report = readJson(file);
  if (!report) {
    problems.push(`${label} did not finish`);
    return;
  }
  const s = report.stats;
  totals.passed += s.expected + s.flaky;
  totals.failed += s.unexpected;
  totals.skipped += s.skipped;
  // Errors outside any test (a broken config, a crashed global setup) count too.
  const loose = (report.errors ?? []).length;
  totals.failed += loose;
  if (status !== 0 && s.unexpected === 0 && loose === 0) problems.push(`${label} exited with ${status}`);
}

if (!existsSync(process.env.BACKROOM_CHROMIUM ?? '/usr/bin/chromium')) {
  problems.push('Chromium is not installed at /usr/bin/chromium (apt-get install -y chromium)');
} else {
  playwright('browser end-to-end tests (Chromium)', 'playwright.config.ts', join(resultsDir, 'json', 'e2e.json'));
}
playwright('Electron end-to-end tests', 'playwright.electron.config.ts', join(resultsDir, 'json', 'electron.json'));

console.log('');
for (const problem of problems) console.log(`problem: ${problem}`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 || problems.length > 0 ? 1 : 0);
