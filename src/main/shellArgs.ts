/**
 * The shell's own command-line options. Electron and Chromium add switches of
 * their own (--inspect, --no-sandbox, …) and `electron .` adds the app path,
 * so unknown arguments are ignored rather than rejected.
 */
export interface ShellArgs {
  /** The profile folder (holds backroom.sqlite); default: the per-user app data folder. */
  dataDir?: string;
}

export function parseShellArgs(argv: readonly string[]): ShellArgs {
  const args: ShellArgs = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--data-dir') {
      const value = argv[i + 1];
      if (value !== undefined && !value.startsWith('--')) {
        args.dataDir = value;
        i += 1;
      }
    } else if (arg.startsWith('--data-dir=')) {
      args.dataDir = arg.slice('--data-dir='.length) || undefined;
    }
  }
  return args;
}

/**
 * The folder under the OS's per-user app data directory (Electron's `appData`)
 * that holds the default profile. scripts/start.mjs uses the same name for
 * browser mode, so both modes open the same database.
 */
export const PROFILE_FOLDER_NAME = 'Backroom';
