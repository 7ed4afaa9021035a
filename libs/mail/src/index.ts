export * from './mail-job.js';
export * from './mail-queue.js';
export * from './mail-transport.js';
export * from './mail.module.js';
