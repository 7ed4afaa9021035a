export * from './seed-demo.js';
export * from './transferforum.js';
