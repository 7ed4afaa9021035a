import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@fachtag/config';
import { createMailTransport, MAIL_COMPOSER, MAIL_TRANSPORT, MailWorker } from '@fachtag/mail';
import { RegistrationMailComposer } from './registration-mail.composer.js';

/**
 * The sending side of mail: worker, composer and transport. Imported by the
 * API (worker in-process unless RUN_WORKER=false) and by the standalone worker.
 */
@Module({
  providers: [
    MailWorker,
    { provide: MAIL_COMPOSER, useClass: RegistrationMailComposer },
    {
      provide: MAIL_TRANSPORT,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => createMailTransport(config.smtpUrl, config.dataDir),
    },
  ],
  exports: [MailWorker],
})
export class RegistrationMailModule {}
