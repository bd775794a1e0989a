import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      '.next/**',
      '.emulator/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'next-env.d.ts',
      'cli/bin/**',
    ],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // lib/ is importable without Next: only the adapter folder lib/next may load next, next-auth
    // or React, and nothing else in lib/ may load the adapter (the CLI and jobs use lib/ too).
    files: ['lib/**'],
    ignores: ['lib/next/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'next',
                'next/*',
                'next-auth',
                'next-auth/*',
                'react',
                'react/*',
                'react-dom',
              ],
              message: 'lib/ stays free of Next, next-auth and React: put this in lib/next/.',
            },
            {
              group: ['@/lib/next', '@/lib/next/*', '../next', '../next/*'],
              message: 'Only app/ uses the Next adapter (lib/next); lib/ must not depend on it.',
            },
          ],
        },
      ],
    },
  },
  {
    // The CLI, the emulator and the scripts talk to a terminal on purpose.
    files: ['cli/**', 'emulator/**', 'scripts/**', 'bench/**', 'tests/**'],
    rules: { 'no-console': 'off' },
  },
);
