import { join } from 'node:path';

/** The profile's database file inside its data directory. */
export const PROFILE_DB_FILE = 'backroom.sqlite';

export function profileDbPath(dataDir: string): string {
  return join(dataDir, PROFILE_DB_FILE);
}
