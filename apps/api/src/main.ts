import 'reflect-metadata';
import { dirname, join } from 'node:path';
import { configOrExit, exitWith } from '@fachtag/config';
import { openDatabase } from '@fachtag/database';
import { createApp } from './bootstrap.js';

const PROGRAM = 'fachtag';

async function main(): Promise<void> {
  const config = configOrExit(PROGRAM);
  const db = await openDatabase(config);
  if (db.embedded) {
    // stopped below, after the app has closed (an 'exit' hook is the safety net)
    const home = join(config.dataDir, 'postgres');
    const elsewhere =
      dirname(db.embedded.clusterDir) === home
        ? ''
        : ` (its cluster in ${db.embedded.clusterDir}: the OS user postgres cannot enter ${home})`;
    process.stdout.write(`${PROGRAM}: embedded PostgreSQL running, data in ${home}${elsewhere}\n`);
  }
  const app = await createApp(config, db.url);
  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`${PROGRAM}: ${signal} received, shutting down\n`);
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
    exitWith(
      PROGRAM,
      e.code === 'EADDRINUSE' ? `PORT ${config.port} is already in use` : e.message,
    );
  }
  process.stdout.write(
    `${PROGRAM}: serving ${config.publicBaseUrl}/graphql (health: ${config.publicBaseUrl}/health)\n`,
  );
  process.stdout.write(`${PROGRAM}: web app at ${config.publicBaseUrl}/\n`);
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  exitWith(PROGRAM, message);
});
