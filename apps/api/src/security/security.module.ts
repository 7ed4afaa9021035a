import {
  DynamicModule,
  Global,
  Inject,
  Module,
  RequestMethod,
  type MiddlewareConsumer,
  type NestModule,
} from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import type { AppConfig } from '../../../../libs/config/src/index.js';
import { UnexpectedErrorFilter } from '../graphql/exception.filter.js';
import { QUERY_LIMITS } from '../graphql/query-limits.js';
import { calendarRateLimit, jsonBodyParser } from './http-limits.js';
import { rateLimitsFrom } from './rate-limit-rules.js';
import { RateLimitPlugin } from './rate-limit.plugin.js';
import { RateLimiter } from './rate-limiter.js';

/**
 * Cross-cutting protection of the HTTP side: body size limit, rate limits of
 * GraphQL fields (RateLimitPlugin) and calendar feeds, redacted error logging.
 * Import it after LoggerModule, so its middleware runs with a request id.
 */
@Global()
@Module({})
export class SecurityModule implements NestModule {
  constructor(@Inject(RateLimiter) private readonly limiter: RateLimiter) {}

  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: SecurityModule,
      providers: [
        { provide: RateLimiter, useValue: new RateLimiter(rateLimitsFrom(config.rateLimits)) },
        RateLimitPlugin,
        { provide: APP_FILTER, useClass: UnexpectedErrorFilter },
      ],
      exports: [RateLimiter],
    };
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
