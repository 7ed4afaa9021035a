export * from './email.js';
export * from './errors.js';
export * from './ids.js';
export * from './messages.js';
export * from './text.js';
