import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createApp } from '../../apps/api/src/bootstrap.js';
import { loadConfig, type AppConfig } from '@fachtag/config';
import { createTestDatabase, dropTestDatabase } from './database.js';
import { gqlData, gqlRequest, type GqlResponse } from './graphql.js';

/** The real API on its own fresh database, listening on a free port. */
export interface TestApp {
  app: NestExpressApplication;
  config: AppConfig;
  baseUrl: string;
  databaseUrl: string;
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: { token?: string; headers?: Record<string, string> },
  ): Promise<GqlResponse<T>>;
  data<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: { token?: string },
  ): Promise<T>;
  close(): Promise<void>;
}

export const TEST_ORGANIZER = { email: 'orga@test.example', password: 'correct horse battery' };

/** Boots the app exactly as main.ts does, with test defaults that `env` may override. */
export async function startTestApp(env: Record<string, string | undefined> = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'fachtag-test-data-')),
    JWT_SECRET: 'test-secret-test-secret-test-secret-0123',
    ORGANIZER_EMAIL: TEST_ORGANIZER.email,
    ORGANIZER_PASSWORD: TEST_ORGANIZER.password,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'error',
    // tests fire many requests from 127.0.0.1; rate-limit tests set limits themselves
    RATE_LIMIT_REGISTER_PER_MINUTE: '0',
    RATE_LIMIT_LOGIN_PER_MINUTE: '0',
    RATE_LIMIT_TOKEN_PER_MINUTE: '0',
    RATE_LIMIT_MANAGE_LINK_PER_HOUR: '0',
    // change mails wait a second (not a minute) for further changes to tell with them
    MAIL_CHANGE_DELAY_SECONDS: '1',
    ...env,
    DATABASE_URL: db.url,
  });
  let app: NestExpressApplication;
  try {
    app = await createApp(config, db.url);
    await app.listen(0, '127.0.0.1');
  } catch (error) {
    await dropTestDatabase(db.name);
    throw error;
  }
  const address = app.getHttpServer().address() as { port: number };
  const baseUrl = `http://127.0.0.1:${address.port}`;
  config.publicBaseUrl = env.PUBLIC_BASE_URL ?? baseUrl;
  return {
    app,
    config,
    baseUrl,
    databaseUrl: db.url,
    gql: (query, variables, options) => gqlRequest(baseUrl, query, variables, options),
    data: (query, variables, options) => gqlData(baseUrl, query, variables, options),
    close: async () => {
      await app.close();
      await dropTestDatabase(db.name);
    },
  };
}
