export * from './agenda-events.js';
export * from './feed-urls.js';
export * from './ics-calendar.js';
export * from './ics-text.js';
export * from './uids.js';
export * from './registration-events.js';
