export * from './app.js';
export * from './database.js';
export * from './graphql.js';
export * from './http.js';
export * from './smtp-sink.js';
export * from './processes.js';
export * from './browser.js';
export * from './teardown.js';
