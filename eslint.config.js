import js from '@eslint/js';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/** Imports flow one way: shared ← server, shared ← web; web never reaches server, shared reaches neither. */
const noServer = { group: ['**/server/**', '#server/*'], message: 'Only server code may import server code.' };
const noWeb = { group: ['**/web/**'], message: 'Only web code may import web code.' };
const noTest = { group: ['**/test/**', '#test/*'], message: 'Production code must not import test helpers.' };

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    // Imports name their files with the extension (./x.ts), so plain node resolution finds them.
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })],
      'import-x/extensions': ['.ts', '.tsx'],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true, allowUnsafeDynamicCyclicDependency: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [noServer, noWeb, noTest, { group: ['node:*'], message: 'shared/ runs in the browser too.' }] },
      ],
    },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noServer, noTest] }] },
  },
  // A feature uses another only through that feature's index.ts (test/architecture.test.ts shows it).
  // Features are one folder deep (api/, components/), so the depth of '../' tells where an import lands.
  ...[
    { files: ['web/features/*/*/**/*.{ts,tsx}'], regex: '^\\.\\./\\.\\./(?!\\.\\.)[^/]+/(?!index\\.ts$)' },
    { files: ['web/features/*/*.{ts,tsx}'], regex: '^\\.\\./(?!\\.\\.)[^/]+/(?!index\\.ts$)' },
  ].map(({ files, regex }) => ({
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [noServer, noTest, { regex, message: 'Use the other feature through its index.ts.' }] },
      ],
    },
  })),
  {
    files: ['server/**/*.ts'],
    ignores: ['server/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noWeb, noTest] }] },
  },
  {
    // A module uses another only through that module's index.ts (docs/architecture.md, "Which module
    // may import which"); test/architecture.test.ts shows this rule failing and checks for cycles.
    files: ['server/modules/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noWeb,
            noTest,
            { regex: '^\\.\\./[^./][^/]*/(?!index\\.ts$)', message: 'Use the other module through its index.ts.' },
            { regex: '^\\./[^./][^/]*/(?!index\\.ts$)', message: 'Use the module through its index.ts.' },
          ],
        },
      ],
    },
  },
  {
    // String-built SQL is how injections happen: only Kysely's tagged `sql` template is allowed.
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='raw'][callee.object.name='sql']",
          message: 'sql.raw() builds SQL from strings; use sql`` with parameters.',
        },
      ],
    },
  },
  {
    // Tests may not be focused or skipped in committed code.
    files: ['**/*.test.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'it', property: 'only' },
        { object: 'it', property: 'skip' },
        { object: 'describe', property: 'only' },
        { object: 'describe', property: 'skip' },
        { object: 'test', property: 'only' },
        { object: 'test', property: 'skip' },
      ],
    },
  },
);
