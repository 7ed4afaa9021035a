import { Global, Module } from '@nestjs/common';
import { MailQueue } from './mail-queue.js';

/** The mail queue, injectable everywhere. The worker side registers itself separately. */
@Global()
@Module({ providers: [MailQueue], exports: [MailQueue] })
export class MailModule {}
