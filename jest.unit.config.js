/**
 * The fast, pure unit tests of the domain code only: no database, no build,
 * no global setup. StrykerJS (stryker.config.mjs) runs these for every mutant;
 * `npm test` still runs them too, through jest.config.js.
 */
import base from './jest.config.js';

export default {
  testEnvironment: base.testEnvironment,
  extensionsToTreatAsEsm: base.extensionsToTreatAsEsm,
  transform: base.transform,
  moduleNameMapper: base.moduleNameMapper,
  testMatch: ['<rootDir>/libs/*/src/domain/**/*.spec.ts'],
  testTimeout: 20_000,
};
