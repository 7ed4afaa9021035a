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
  jest: { configFile: 'jest.unit.config.js', enableFindRelatedTests: false },
  coverageAnalysis: 'perTest',
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.stryker.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  ignoreStatic: true,
  // the machine is shared: two processes at most
  concurrency: 2,
  timeoutMS: 2000,
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
