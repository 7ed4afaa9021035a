export * from './config.js';
export * from './config.module.js';
export * from './boot.js';
export * from './logging.js';
