// Lint rules; the engine-purity rule keeps server/src/engine free of I/O and editor APIs.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const impure = ['vscode', 'vscode-languageserver', 'vscode-languageserver/*', 'vscode-languageserver-*', 'vscode-languageclient', 'vscode-languageclient/*',
  'fs', 'fs/*', 'node:fs', 'node:fs/*', 'child_process', 'node:child_process'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'out/**', 'test/fixtures/**', '.cache/**', '.scratch/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: ['server/src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: impure.filter((p) => !p.includes('*')).map((name) => ({ name, message: 'The engine is pure: do I/O through the Host interface.' })),
        patterns: [{ group: impure.filter((p) => p.includes('*')), message: 'The engine is pure: do I/O through the Host interface.' }] }],
      'no-console': 'error',
    },
  },
  {
    files: ['server/src/**/*.ts'],
    ignores: ['server/src/cli/**'],
    rules: { 'no-console': 'error' },
  },
);
