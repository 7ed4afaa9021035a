import { join } from 'node:path';
import type { AppConfig } from '@fachtag/config';
import { checkConnection } from './connection-check.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded-postgres.js';

/** Why the database could not be opened, in one line naming the setting. */
export class DatabaseStartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseStartError';
  }
}

/** A reachable database: the configured one, or the embedded one this process started. */
export interface OpenDatabase {
  url: string;
  embedded?: EmbeddedDatabase;
}

/**
 * DATABASE_URL's server after a connection check, else the embedded PostgreSQL
 * with its data in `<dataDir>/postgres`. Throws {@link DatabaseStartError}.
 */
export async function openDatabase(
  config: Pick<AppConfig, 'databaseUrl' | 'dataDir'>,
): Promise<OpenDatabase> {
  if (config.databaseUrl) {
    const problem = await checkConnection(config.databaseUrl);
    if (problem) throw new DatabaseStartError(`DATABASE_URL: ${problem}`);
    return { url: config.databaseUrl };
  }
  const dir = join(config.dataDir, 'postgres');
  try {
    const embedded = await startEmbeddedPostgres({ dir });
    return { url: embedded.url, embedded };
  } catch (error) {
    throw new DatabaseStartError(
      `embedded PostgreSQL in ${dir} did not start: ${(error as Error).message.split('\n')[0]}`,
    );
  }
}
