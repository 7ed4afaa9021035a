export * from './csv.js';
export * from './format.js';
export * from './model.js';
export * from './pdf/badges.js';
export * from './pdf/document.js';
export * from './pdf/lists.js';
export * from './table.js';
export * from './xlsx.js';
