export * from './event.factory.js';
