/** The browser tests (npm run test:browser): Debian's chromium driven by playwright-core. Not part of npm test. */
/** @type {import('jest').Config} */
module.exports = {
  rootDir: '../..',
  testEnvironment: 'node',
  roots: ['<rootDir>/test/browser'],
  testMatch: ['**/*.browser.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  },
  // A browser start and page loads on a loaded 2-core machine.
  testTimeout: 60_000,
};
