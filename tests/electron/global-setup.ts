import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from '../../scripts/electron-binary.cjs';
import { ensureElectronNative } from '../../scripts/native-electron.cjs';
import { electronBinary, electronUnavailable } from './environment';

/**
 * Builds the app as `npm start` does. Where Electron can run, also makes sure
 * the Electron-ABI better-sqlite3 exists; where it cannot, says so once (the
 * specs that need Electron skip with the same line).
 */
export default function globalSetup(): void {
  // The shell-wiring spec runs the built main process everywhere.
  const cli = join(projectRoot, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const build = spawnSync(process.execPath, [cli, 'build'], { cwd: projectRoot, encoding: 'utf8' });
  if (build.status !== 0) {
    throw new Error(`electron-vite build failed:\n${build.stdout ?? ''}${build.stderr ?? ''}`);
  }
  if (electronUnavailable) {
    console.log(electronUnavailable);
    return;
  }
  const native = ensureElectronNative({ log: console.log });
  if (!native.ok) {
    // The binary is here, so this is a failure to report, not a reason to skip.
    throw new Error(`The Electron tests need better-sqlite3 built for Electron ${electronBinary.version}: ${native.reason}`);
  }
}
