// Lint rules. Besides the recommended sets, one rule guards the architecture: src/engine is
// pure TypeScript that runs the same in Node and the browser, so it may not import Phaser,
// Howler or Node built-ins, nor touch the DOM, the clock or Math.random. This is the only list
// of what the engine may not use: tests/engine-purity.test.ts checks these rules, not a copy.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Globals the engine must not touch, and why. */
const ENGINE_FORBIDDEN_GLOBALS = {
  window: 'must not touch the DOM',
  document: 'must not touch the DOM',
  navigator: 'must not touch the DOM',
  localStorage: 'must not touch browser storage',
  sessionStorage: 'must not touch browser storage',
  performance: 'reads no clock',
  crypto: 'draws no unseeded randomness',
  process: 'must run in the browser too',
};
const engineMessage = (why) => `src/engine ${why}.`;

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'coverage/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { console: 'readonly', process: 'readonly', URL: 'readonly', performance: 'readonly', structuredClone: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['phaser', 'phaser/*', 'howler', 'howler/*'], message: 'src/engine must not depend on the front end.' },
            {
              group: ['node:*', ...builtinModules.flatMap((name) => [name, `${name}/*`])],
              message: 'src/engine must run in the browser too.',
            },
            { group: ['**/game/**', '**/cli/**', '**/storage/**'], message: 'src/engine must not import the shells around it.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...Object.entries(ENGINE_FORBIDDEN_GLOBALS).map(([name, why]) => ({ name, message: engineMessage(why) })),
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use the seeded generator in the game state.' },
        { object: 'Date', property: 'now', message: 'src/engine reads no clock.' },
        // globalThis.window and the like reach the same globals by another name.
        ...Object.entries(ENGINE_FORBIDDEN_GLOBALS).map(([property, why]) => ({
          object: 'globalThis',
          property,
          message: engineMessage(why),
        })),
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date']", message: 'src/engine reads no clock.' },
        { selector: "CallExpression[callee.name='Date']", message: 'src/engine reads no clock.' },
        // Only static imports, so that the forbidden modules above are seen wherever they come in.
        { selector: 'ImportExpression', message: 'src/engine imports statically.' },
        { selector: "CallExpression[callee.name='require']", message: 'src/engine imports statically.' },
      ],
    },
  },
);
