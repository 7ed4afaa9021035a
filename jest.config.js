/** jest in ESM mode with @swc/jest; see docs/decisions.md for why. */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'es6' },
    sourceMaps: 'inline',
  },
];

export default {
  // node, and a file that leaves a socket, server, child process or timer open fails
  testEnvironment: '<rootDir>/test/harness/environment.js',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1',
    // the path aliases of tsconfig.json: a lib only through its public index
    '^@fachtag/([a-z-]+)$': '<rootDir>/libs/$1/src/index.ts',
    // a lib's pure rules alone (no ORM), for other libs' domain code
    '^@fachtag/([a-z-]+)/domain$': '<rootDir>/libs/$1/src/domain/index.ts',
  },
  testMatch: [
    '<rootDir>/libs/**/*.spec.ts',
    '<rootDir>/apps/**/*.spec.ts',
    '<rootDir>/test/**/*.e2e-spec.ts',
  ],
  globalSetup: '<rootDir>/test/harness/global-setup.js',
  globalTeardown: '<rootDir>/test/harness/global-teardown.js',
  testTimeout: 60_000,
  // StrykerJS' sandbox copies of the project are not part of the suite
  modulePathIgnorePatterns: ['<rootDir>/.stryker-tmp/'],
  maxWorkers: 2,
  // A worker that ran half the suite holds about 3.4 GB (the ESM module graphs of its
  // files); giving that memory back takes it about half a second after its last file,
  // and jest's default of 500 ms killed it with 'A worker process has failed to exit
  // gracefully' although nothing was left open (docs/quality.md). A handle left open
  // keeps a worker alive for good: it is still killed and warned of after this time,
  // and test/harness/environment.js names what keeps it.
  workerGracefulExitTimeout: 5_000,
  reporters: ['default', '<rootDir>/test/harness/summary-reporter.js'],
};
