import type { Config } from 'jest';

/**
 * sanitize-html's parser (htmlparser2 and its helpers) ships as ES modules only. Node 20 requires them
 * natively; jest's CommonJS runtime needs them transformed.
 */
const ESM_ONLY = ['htmlparser2', 'domhandler', 'domutils', 'dom-serializer', 'entities', 'domelementtype'];

const shared = {
  rootDir: '.',
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': 'ts-jest',
    [`/node_modules/(${ESM_ONLY.join('|')})/.+\\.js$`]: [
      'ts-jest',
      { tsconfig: { allowJs: true }, isolatedModules: true },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY.join('|')})/)`],
  moduleNameMapper: { '^@marketpulse/(.*)$': '<rootDir>/libs/$1/src' },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.data/'],
} satisfies Config;

/**
 * `unit`: pure logic, no I/O. `integration`: the real NATS and PostgreSQL of this machine (or the ones
 * NATS_URL / DATABASE_URL name); each test file gets its own database and its own subject namespace.
 */
const config: Config = {
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{libs,services,scripts}/**/*.spec.ts'] },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/{libs,services,test}/**/*.integration-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
    },
  ],
  maxWorkers: 2,
  // Integration tests wait on real servers; unit tests finish long before this matters.
  testTimeout: 60_000,
};

export default config;
