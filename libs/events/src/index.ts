export * from './agenda-item.entity.js';
export * from './domain/capacity.js';
export * from './event.entity.js';
export * from './speaker.js';
export * from './workshop.entity.js';
export * from './demo/index.js';
