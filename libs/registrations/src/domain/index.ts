export * from './participant.js';
export * from './workshop-selection.js';
