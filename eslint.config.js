// Lint rules. Besides the recommended sets, one rule guards the architecture: src/engine is
// pure TypeScript that runs the same in Node and the browser, so it may not import Phaser,
// Howler or Node built-ins, nor touch the DOM, the clock or Math.random.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
            { group: ['node:*', 'fs', 'path', 'os', 'worker_threads'], message: 'src/engine must run in the browser too.' },
            { group: ['**/game/**', '**/cli/**', '**/storage/**'], message: 'src/engine must not import the shells around it.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'src/engine must not touch the DOM.' },
        { name: 'document', message: 'src/engine must not touch the DOM.' },
        { name: 'localStorage', message: 'src/engine must not touch browser storage.' },
        { name: 'performance', message: 'src/engine reads no clock.' },
        { name: 'process', message: 'src/engine must run in the browser too.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use the seeded generator in the game state.' },
        { object: 'Date', property: 'now', message: 'src/engine reads no clock.' },
      ],
      'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Date']", message: 'src/engine reads no clock.' }],
    },
  },
);
