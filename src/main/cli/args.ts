/**
 * A small, strict command-line reader: `--name value` and `--flag`. Unknown
 * options are errors, so a typo never silently does something else.
 */
export class UsageError extends Error {
  override name = 'UsageError';
}

export interface OptionSpec {
  /** true: takes a value; false: a flag. */
  value: boolean;
}

export function parseArgs<S extends Record<string, OptionSpec>>(
  argv: readonly string[],
  spec: S,
): Partial<Record<keyof S, string | true>> {
  const parsed: Partial<Record<keyof S, string | true>> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) throw new UsageError(`Unexpected argument "${arg}".`);
    const [rawName, inlineValue] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    const option = spec[rawName];
    if (!option) throw new UsageError(`Unknown option --${rawName}.`);
    if (!option.value) {
      parsed[rawName as keyof S] = true;
      continue;
    }
    const value = inlineValue ?? argv[++i];
    if (value === undefined || value.startsWith('--')) {
      throw new UsageError(`Option --${rawName} needs a value.`);
    }
    parsed[rawName as keyof S] = value;
  }
  return parsed;
}

export function parsePort(text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`--port must be a whole number from 0 to 65535, not "${text}".`);
  }
  return port;
}

/** Prints a usage error as one sentence and exits with status 2. */
export function exitWithUsage(error: unknown, usage: string): never {
  if (error instanceof UsageError) {
    console.error(`${error.message}\n${usage}`);
    process.exit(2);
  }
  throw error;
}
