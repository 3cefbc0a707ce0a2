import type { OperationName, OutputOf, PushMessage } from '../../shared/contract';
import type { Result } from '../../shared/errors';

/**
 * The core behind the contract, however it is hosted (in this process for
 * tests and benchmarks, in a worker thread for the app and browser mode).
 * Transports (IPC, HTTP) only ever see this interface.
 */
export interface Core {
  /** Validates `input` with the contract's schema, runs the handler, never throws. */
  invoke<N extends OperationName>(name: N, input: unknown): Promise<Result<OutputOf<N>>>;
  /** Same, for names that arrive from outside as plain strings. */
  invokeByName(name: string, input: unknown): Promise<Result<unknown>>;
  /** Push events; returns an unsubscribe function. */
  subscribe(listener: (message: PushMessage) => void): () => void;
  close(): Promise<void>;
}

export interface CoreOptions {
  /** The profile's SQLite file; created and migrated on open. */
  dbPath: string;
  /** Electron-ABI better-sqlite3 build for the app; Node's own build otherwise. */
  nativeBinding?: string;
  /** Create a small demo store when the database has no store yet. */
  seedDemoIfEmpty?: boolean;
  /** The loyalty maintenance timer (expiries, birthdays): on in the worker unless false, off in openCore. */
  maintenance?: boolean;
  /** The store-credentials vault key (hex), unsealed from the OS keychain by the shell; absent: a key file in the profile. */
  vaultKey?: string;
  /** Scheduled marketplace syncs (every store's interval): on in the worker unless false, off in openCore. */
  syncScheduler?: boolean;
  /** Scheduled tracking-provider refreshes (its interval): on in the worker unless false, off in openCore. */
  trackingScheduler?: boolean;
}
