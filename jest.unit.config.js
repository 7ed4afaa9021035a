/**
 * The fast, pure unit tests of the domain code only: no database, no build,
 * no global setup. StrykerJS (stryker.config.mjs) runs these for every mutant;
 * `npm test` still runs them too, through jest.config.js.
 */
import base from './jest.config.js';

export default {
  // plain node: pure rules open nothing for the leak check of jest.config.js to find,
  // and StrykerJS' jest plugin cannot resolve '<rootDir>' in a testEnvironment path
  // (it broke `npm run test:mutation` with MODULE_NOT_FOUND when the leak check came)
  testEnvironment: 'node',
  extensionsToTreatAsEsm: base.extensionsToTreatAsEsm,
  transform: base.transform,
  moduleNameMapper: base.moduleNameMapper,
  testMatch: ['<rootDir>/libs/*/src/domain/**/*.spec.ts'],
  testTimeout: 20_000,
};
