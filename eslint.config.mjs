// `npm run lint` (and the `lint` stage of `npm test`). TypeScript is linted with type information, so the
// promise rules see which calls return promises: a dropped promise is an unhandled rejection that kills
// the plugin process, and an async callback where void is expected loses its errors the same way.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { defineConfig } from 'eslint/config';

export default defineConfig(
  {
    // Generated or fetched: build output, test working dirs, the cached Mattermost/Go trees.
    ignores: ['**/node_modules/**', '**/dist/**', 'build/out/**', 'test/.work/**', '.rt/**', '.cache/**', 'coverage/**'],
  },
  {
    // Build, harness and gateway-bed scripts run on Node as plain JavaScript: no types to lint with.
    files: ['**/*.{js,mjs,cjs}'],
    extends: [js.configs.recommended],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.{ts,tsx,mts,cts}'],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      // tsconfig.json covers server-ts, webapp/src, test and build: one program for all of them.
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      // Type-only imports vanish from the bundle; swc (jest) compiles files one at a time and cannot tell.
      // `typeof import('x')` stays allowed: it types a module that is required lazily (start-up cost)
      // without an import statement that reads like an eager load.
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      // …and an import of types only is `import type { … }`, which leaves nothing behind at run time.
      '@typescript-eslint/no-import-type-side-effects': 'error',
      // `_name` is a parameter a signature needs but this implementation does not use (hooks, host callbacks).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // Off: an `async` method without `await` is how a hook or a fake of a Promise-returning interface
      // turns a synchronous throw into a rejection, which is what its callers handle.
      '@typescript-eslint/require-await': 'off',
    },
  },
);
