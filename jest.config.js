/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/browser/'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  },
  // The SDK's CommonJS entry needs a browser; its bundled build runs in Node.
  moduleNameMapper: { '^adaptivecards$': '<rootDir>/node_modules/adaptivecards/dist/adaptivecards.min.js' },
  clearMocks: true,
  // End-to-end tests wait on real HTTP round trips; on a loaded 2-core machine 5 s is too tight.
  testTimeout: 20_000,
};
