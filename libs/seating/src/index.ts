export * from './domain/index.js';
export * from './seat-holdings.js';
export * from './seat-store.js';
export * from './seat-changes.js';
export * from './waitlist.service.js';
export * from './admission-store.js';
