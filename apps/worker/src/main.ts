import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { configOrExit, exitWith } from '@fachtag/config';
import { openDatabase } from '@fachtag/database';
import { WorkerModule } from './worker.module.js';

const PROGRAM = 'fachtag-worker';

/**
 * `npm run worker`: sends queued mails, nothing else. Needs the DATABASE_URL of
 * a database the API has migrated; run as many as you like.
 */
async function main(): Promise<void> {
  const config = configOrExit(PROGRAM);
  if (!config.databaseUrl) {
    exitWith(
      PROGRAM,
      'DATABASE_URL is required: a separate worker shares the API database (the embedded one belongs to the API process)',
    );
  }
  const db = await openDatabase(config);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, db.url), {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  await app.init();
  const stop = async (): Promise<void> => {
    // lets the jobs in flight finish; the rest stays queued for the next worker
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  process.stdout.write(`${PROGRAM}: sending queued mails\n`);
}

main().catch((error: unknown) => {
  exitWith(PROGRAM, error instanceof Error ? error.message.split('\n')[0] : String(error));
});
