import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { Job, JobResult } from 'pg-boss';
import { APP_CONFIG, type AppConfig } from '../../config/src/index.js';
import { classifyDeliveryError, describeDeliveryError } from './delivery-error.js';
import { MAIL_COMPOSER, type MailComposer } from './mail-composer.js';
import type { MailJob } from './mail-job.js';
import { MAIL_QUEUE, MailQueue } from './mail-queue.js';
import type { MailTransport } from './mail-transport.js';

/** Injection token of the {@link MailTransport}. */
export const MAIL_TRANSPORT = Symbol('MAIL_TRANSPORT');

/**
 * Sends queued mails. Runs in the API process by default (RUN_WORKER) or on its
 * own (`npm run worker`); any number of workers share the queue safely, since
 * pg-boss claims jobs with SKIP LOCKED.
 */
@Injectable()
export class MailWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MailWorker.name);
  private readonly messageIdDomain: string;
  private workerId: string | undefined;

  constructor(
    private readonly queue: MailQueue,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport,
    @Inject(MAIL_COMPOSER) private readonly composer: MailComposer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.messageIdDomain = config.mailFromAddress.split('@')[1] ?? 'fachtag.localhost';
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.runWorker) await this.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
    this.transport.close();
  }

  async start(): Promise<void> {
    if (this.workerId) return;
    this.workerId = await this.queue.boss.work<MailJob>(
      MAIL_QUEUE,
      {
        batchSize: 10,
        burstWhenBatchFull: true,
        pollingIntervalSeconds: this.config.mailPollSeconds,
        perJobResults: true,
      },
      (jobs) => Promise.all(jobs.map((job) => this.deliver(job))),
    );
  }

  async stop(): Promise<void> {
    if (!this.workerId) return;
    const id = this.workerId;
    this.workerId = undefined;
    await this.queue.boss.offWork(MAIL_QUEUE, { id, wait: true });
  }

  /** One attempt: temporary failures are retried by the queue, permanent ones recorded. */
  async deliver(job: Job<MailJob>): Promise<JobResult> {
    try {
      const mail = await this.composer.compose(job.data);
      if (!mail) return { id: job.id, status: 'completed', output: { skipped: true } };
      // Stable per job: a resend after a crash carries the same Message-ID.
      const sent = await this.transport.send({
        ...mail,
        messageId: `<${job.id}@${this.messageIdDomain}>`,
      });
      if (sent.file) this.logger.log(`mail ${job.data.kind} written to ${sent.file}`);
      await this.composer.record(job.data, { status: 'SENT' });
      return { id: job.id, status: 'completed' };
    } catch (error) {
      const detail = describeDeliveryError(error);
      if (classifyDeliveryError(error) === 'permanent') {
        this.logger.warn(`mail ${job.data.kind} (job ${job.id}) failed permanently: ${detail}`);
        await this.composer.record(job.data, { status: 'FAILED', detail }).catch(() => undefined);
        return { id: job.id, status: 'deadletter', output: { error: detail } };
      }
      this.logger.warn(`mail ${job.data.kind} (job ${job.id}) will be retried: ${detail}`);
      await this.composer.record(job.data, { status: 'RETRYING', detail }).catch(() => undefined);
      return { id: job.id, status: 'failed', output: { error: detail } };
    }
  }
}
