// Types for scripts/electron-binary.cjs, so TypeScript tests can import it.
export declare const projectRoot: string;

export interface ElectronBinary {
  /** The executable, or null when it is not on disk. */
  path: string | null;
  /** Where it was looked for. */
  expectedAt: string;
  distDir: string;
  /** The binary's version (dist/version), else the npm package's. */
  version: string | null;
}

export declare function electronPackageVersion(): string | null;
export declare function findElectronBinary(): ElectronBinary;
export declare function hasDisplay(env?: NodeJS.ProcessEnv, platform?: NodeJS.Platform): boolean;
export declare function shortPath(path: string): string;
