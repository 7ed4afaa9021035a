export * from './mail-transport.js';
