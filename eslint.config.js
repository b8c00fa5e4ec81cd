// @ts-check
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');

/** Modules the core (src/domain, src/app) must never import: frameworks live at the edges. */
const frameworks = ['botbuilder', 'botbuilder-*', 'restify', '@azure/cosmos', 'better-sqlite3', 'pino', '@opentelemetry/*', '@azure/monitor-*'];

module.exports = tseslint.config(
  { ignores: ['eslint.config.js', 'jest.config.js', 'test/support/register-ts.cjs', 'dist/', 'node_modules/', 'coverage/', 'data/', 'appPackage/build/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { require: 'readonly', module: 'writable', process: 'readonly', console: 'readonly', __dirname: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-empty': ['error', { allowEmptyCatch: false }],
    },
  },
  {
    files: ['src/domain/**/*.ts', 'src/app/**/*.ts', 'cards/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: frameworks, message: 'The core stays free of frameworks: use a port.' }, { group: ['**/bot/**', '**/store/**'], message: 'The core does not depend on the edges.' }] },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Take time from the Clock port.' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Take time from the Clock port.' },
        { selector: "MemberExpression[object.name='process'][property.name='env']", message: 'Read configuration in src/config.ts.' },
      ],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
