import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { JobResult, JobWithMetadata } from 'pg-boss';
import { APP_CONFIG, type AppConfig } from '@fachtag/config';
import { classifyDeliveryError, describeDeliveryError } from './delivery-error.js';
import { MAIL_COMPOSER, type MailComposer, type MailOutcome } from './mail-composer.js';
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

  /** True while this process takes jobs from the queue (RUN_WORKER, or after {@link start}). */
  get running(): boolean {
    return this.workerId !== undefined;
  }

  async start(): Promise<void> {
    if (this.workerId) return;
    const options = {
      batchSize: 10,
      burstWhenBatchFull: true,
      pollingIntervalSeconds: this.config.mailPollSeconds,
      perJobResults: true,
      includeMetadata: true,
    } as const;
    this.workerId = await this.queue.boss.work<MailJob, unknown, typeof options>(
      MAIL_QUEUE,
      options,
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
  async deliver(job: JobWithMetadata<MailJob>): Promise<JobResult> {
    try {
      const mail = await this.composer.compose(job.data, { jobId: job.id });
      if (!mail) return { id: job.id, status: 'completed', output: { skipped: true } };
      // Stable per job: a resend after a crash carries the same Message-ID.
      const sent = await this.transport.send({
        ...mail,
        messageId: `<${job.id}@${this.messageIdDomain}>`,
      });
      if (sent.file) this.logger.log(`mail ${job.data.kind} written to ${sent.file}`);
    } catch (error) {
      return this.failed(job, error);
    }
    // Sent: a failure to record that must not send the mail a second time.
    await this.record(job, { status: 'SENT' });
    return { id: job.id, status: 'completed' };
  }

  private async failed(job: JobWithMetadata<MailJob>, error: unknown): Promise<JobResult> {
    const detail = describeDeliveryError(error);
    const permanent = classifyDeliveryError(error) === 'permanent';
    if (permanent || job.retryCount >= job.retryLimit) {
      const why = permanent ? detail : `gave up after ${job.retryCount + 1} tries: ${detail}`;
      this.logger.warn(`mail ${job.data.kind} (job ${job.id}) failed for good: ${why}`);
      await this.record(job, { status: 'FAILED', detail: why });
      return { id: job.id, status: 'deadletter', output: { error: why } };
    }
    this.logger.warn(`mail ${job.data.kind} (job ${job.id}) will be retried: ${detail}`);
    await this.record(job, { status: 'RETRYING', detail });
    return { id: job.id, status: 'failed', output: { error: detail } };
  }

  private async record(job: JobWithMetadata<MailJob>, outcome: MailOutcome): Promise<void> {
    try {
      await this.composer.record(job.data, outcome, { jobId: job.id });
    } catch (error) {
      this.logger.warn(
        `mail ${job.data.kind} (job ${job.id}): status not recorded: ${describeDeliveryError(error)}`,
      );
    }
  }
}
