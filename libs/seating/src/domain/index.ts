export * from './admission.js';
export * from './promotion.js';
export * from './seats.js';
