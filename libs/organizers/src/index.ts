export * from './organizer.entity.js';
