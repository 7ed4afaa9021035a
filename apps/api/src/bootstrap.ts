import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/core';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import type { AppConfig } from '@fachtag/config';
import { seedDemoIfEmpty } from '@fachtag/events';
import { applyMigrations } from '@fachtag/database';
import { AppModule } from './app.module.js';
import { mountGraphqlBrowserPage } from './graphql/graphql-browser-page.js';
import { mountWebApp } from './web/web-app.js';

/**
 * Builds the API application on a reachable database: applies pending
 * migrations, then runs the start-up hooks. Shared by `main.ts` and the tests,
 * so tests boot exactly what users run.
 */
export async function createApp(
  config: AppConfig,
  databaseUrl: string,
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot(config, databaseUrl),
    // SecurityModule parses JSON bodies itself, with a size limit and GraphQL-shaped refusals
    { bufferLogs: true, abortOnError: false, bodyParser: false },
  );
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  // before Apollo: a browser opening /graphql gets GraphiQL (development) or an explanation
  mountGraphqlBrowserPage(app, config.nodeEnv === 'production');
  // the client address (rate limits) comes from X-Forwarded-For only behind configured proxies
  app.set('trust proxy', config.trustProxy);
  // the participant web app at / (dist/web), and the security headers on every response
  mountWebApp(app);
  const orm = app.get(MikroORM);
  await applyMigrations(orm, databaseUrl);
  await app.init();
  // after init: the configured organizer, who owns the demo event, exists by now
  await seedDemoIfEmpty(orm, config);
  return app;
}
