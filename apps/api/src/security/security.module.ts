import {
  DynamicModule,
  Global,
  Inject,
  Logger,
  Module,
  RequestMethod,
  type MiddlewareConsumer,
  type NestModule,
  type OnApplicationShutdown,
} from '@nestjs/common';
import pg from 'pg';
import { APP_FILTER } from '@nestjs/core';
import type { AppConfig } from '@fachtag/config';
import { UnexpectedErrorFilter } from '../graphql/exception.filter.js';
import { QUERY_LIMITS } from '../graphql/query-limits.js';
import { calendarRateLimit, jsonBodyParser } from './http-limits.js';
import { rateLimitsFrom } from './rate-limit-rules.js';
import { RateLimitPlugin } from './rate-limit.plugin.js';
import { RateLimiter, postgresCounters } from './rate-limiter.js';

/** The small pool of the rate-limit counters (one short statement per limited request). */
export const RATE_LIMIT_POOL = Symbol('RATE_LIMIT_POOL');

/** How the pool's connections name themselves in `pg_stat_activity`. */
export const RATE_LIMIT_APPLICATION_NAME = 'fachtag rate limits';

/**
 * Cross-cutting protection of the HTTP side: body size limit, rate limits of
 * GraphQL fields (RateLimitPlugin) and calendar feeds, redacted error logging.
 * Import it after LoggerModule, so its middleware runs with a request id.
 */
@Global()
@Module({})
export class SecurityModule implements NestModule, OnApplicationShutdown {
  constructor(
    @Inject(RateLimiter) private readonly limiter: RateLimiter,
    @Inject(RATE_LIMIT_POOL) private readonly pool: pg.Pool,
  ) {}

  /** Rate limits count in `databaseUrl`'s PostgreSQL, shared by every API process on it. */
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    // pg connects lazily: with every limit at 0 the pool never opens a connection
    const pool = new pg.Pool({
      connectionString: databaseUrl,
      max: 4,
      application_name: RATE_LIMIT_APPLICATION_NAME,
    });
    // an idle connection the server ends (restart, failover, an administrator) is
    // dropped by the pool and the next request opens a new one; without a listener
    // its 'error' event would end the process
    const logger = new Logger('RateLimits');
    pool.on('error', (error) => logger.warn(`rate-limit connection lost: ${error.message}`));
    return {
      module: SecurityModule,
      providers: [
        { provide: RATE_LIMIT_POOL, useValue: pool },
        {
          provide: RateLimiter,
          useValue: new RateLimiter(rateLimitsFrom(config.rateLimits), postgresCounters(pool)),
        },
        RateLimitPlugin,
        { provide: APP_FILTER, useClass: UnexpectedErrorFilter },
      ],
      exports: [RateLimiter],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(jsonBodyParser(QUERY_LIMITS.maxBodyBytes))
      .forRoutes({ path: '{/*splat}', method: RequestMethod.ALL });
    consumer
      .apply(calendarRateLimit(this.limiter))
      .forRoutes({ path: 'calendar/registrations/{*splat}', method: RequestMethod.GET });
  }
}
