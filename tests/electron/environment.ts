import { findElectronBinary, hasDisplay, shortPath } from '../../scripts/electron-binary.cjs';

/**
 * Whether Electron can start here, decided from the disk and the environment
 * only: loading the `electron` package to ask would start a download.
 */
export const electronBinary = findElectronBinary();

export const electronUnavailable: string | null = !electronBinary.path
  ? `Electron binary not present at ${shortPath(electronBinary.expectedAt)} — Electron tests skipped`
  : !hasDisplay()
    ? 'No display (DISPLAY/WAYLAND_DISPLAY unset; try xvfb-run) — Electron tests skipped'
    : null;
