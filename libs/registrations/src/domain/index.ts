export * from './participant.js';
export * from './promotion.js';
export * from './workshop-selection.js';
