// @ts-check
/**
 * Mutation testing of the pure rules (`npm run test:mutation`): every
 * `libs/<lib>/src/domain/**` folder, seating's admission and promotion among
 * them. Only the fast unit tests run (jest.unit.config.js), never the e2e
 * suite. The clear-text report prints the score per folder and file;
 * docs/quality.md keeps the figures and the reviewed surviving mutants.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  mutate: [
    'libs/*/src/domain/**/*.ts',
    '!libs/*/src/domain/**/*.spec.ts',
    '!libs/*/src/domain/index.ts',
  ],
  testRunner: 'jest',
  testRunnerNodeArgs: ['--experimental-vm-modules'],
  // per mutant only the spec files that import the mutated file (directly or
  // through a lib's index), not all 18: jest loads every file even when the
  // test-name filter runs none of its tests (docs/quality.md, figures)
  jest: { configFile: 'jest.unit.config.js', enableFindRelatedTests: true },
  coverageAnalysis: 'perTest',
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.stryker.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  ignoreStatic: true,
  // the machine is shared: two processes at most
  concurrency: 2,
  // endless loops are caught by Stryker's hit limit within milliseconds; the
  // timeout only has to outlast a slow jest start on the loaded shared machine.
  // At 2000 ms most "timeouts" were jest starting late: survivors counted as
  // detected (slug.ts: 22 of 41 valid mutants, a score of 92.7 % instead of 78 %)
  timeoutMS: 10000,
  reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: {
    allowColor: false,
    allowEmojis: false,
    logTests: false,
    reportScoreTable: true,
  },
  thresholds: { high: 90, low: 80, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};
