import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { ConfigError, loadConfig, type AppConfig } from '../../../libs/config/src/index.js';
import { checkConnection } from '../../../libs/database/src/index.js';
import { WorkerModule } from './worker.module.js';

function fail(message: string): never {
  process.stderr.write(`fachtag-worker: ${message}\n`);
  process.exit(1);
}

/**
 * `npm run worker`: sends queued mails, nothing else. Needs the DATABASE_URL of
 * a database the API has migrated; run as many as you like.
 */
async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
  if (!config.databaseUrl) {
    fail(
      'DATABASE_URL is required: a separate worker shares the API database (the embedded one belongs to the API process)',
    );
  }
  const problem = await checkConnection(config.databaseUrl);
  if (problem) fail(`DATABASE_URL: ${problem}`);
  const app = await NestFactory.createApplicationContext(
    WorkerModule.forRoot(config, config.databaseUrl),
    { bufferLogs: true },
  );
  app.useLogger(app.get(Logger));
  await app.init();
  const stop = async (): Promise<void> => {
    // lets the jobs in flight finish; the rest stays queued for the next worker
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  process.stdout.write('fachtag-worker: sending queued mails\n');
}

main().catch((error: unknown) => {
  fail(error instanceof Error ? error.message.split('\n')[0] : String(error));
});
