import {
  Inject,
  Injectable,
  Logger,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import { PgBoss } from 'pg-boss';
import { DATABASE_URL, sqlExecutor } from '../../database/src/index.js';
import type { MailJob } from './mail-job.js';

export const MAIL_QUEUE = 'mail';

/**
 * The durable mail queue (pg-boss tables in the same PostgreSQL). `enqueue`
 * writes the job row inside the caller's transaction: a change that commits
 * always has its mail, one that rolls back has none.
 */
@Injectable()
export class MailQueue implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(MailQueue.name);
  readonly boss: PgBoss;

  constructor(@Inject(DATABASE_URL) databaseUrl: string) {
    this.boss = new PgBoss({ connectionString: databaseUrl, max: 4, schema: 'pgboss' });
    this.boss.on('error', (error: Error) => this.logger.error(`mail queue: ${error.message}`));
  }

  async onModuleInit(): Promise<void> {
    await this.boss.start();
    // Temporary SMTP failures are retried with growing delays for more than a day:
    // 2^n × 30 s, capped at 4 h, 16 tries ≈ 37 h.
    await this.boss.createQueue(MAIL_QUEUE, {
      retryLimit: 16,
      retryDelay: 30,
      retryBackoff: true,
      retryDelayMax: 4 * 3600,
      expireInSeconds: 120,
      retentionSeconds: 14 * 24 * 3600,
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.boss.stop({ graceful: true, timeout: 10_000 });
  }

  /** Adds mail jobs in `em`'s current transaction (call inside `em.transactional`). */
  async enqueue(em: EntityManager, ...jobs: MailJob[]): Promise<void> {
    const db = sqlExecutor(em);
    for (const job of jobs) {
      await this.boss.send(MAIL_QUEUE, { ...job }, { db });
    }
  }
}
