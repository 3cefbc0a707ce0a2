// Types for scripts/native-electron.cjs, so TypeScript tests can import it.
export type NativeBuildResult = { ok: true; path: string } | { ok: false; reason: string };

export declare function electronNativePath(version: string, root?: string): string;
export declare function findNodeGyp(): string | null;
export declare function failureLine(output: string): string;
export declare function buildBetterSqlite3(options: {
  target: string;
  runtime?: 'electron' | 'node';
  arch?: string;
  distUrl?: string;
  devDir?: string;
  nodeDir?: string;
  outFile: string;
  log?: (line: string) => void;
}): NativeBuildResult;
export declare function ensureElectronNative(options?: {
  force?: boolean;
  log?: (line: string) => void;
}): NativeBuildResult;
