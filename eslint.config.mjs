import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import { importX } from 'eslint-plugin-import-x'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'

// A feature on either side is one folder; another feature reaches it only through the API or
// the shared layers (components, lib, types), never by importing its files.
const featureBoundaries = (root) =>
  ['agent', 'auth', 'chat', 'help', 'tickets', 'uploads', 'notifications', 'orders', 'catalog'].map((f) => ({
    target: `${root}/features/${f}`,
    from: `${root}/features`,
    except: [`./${f}`],
  }))

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.swc/**', 'data/**', 'docs/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}', 'test/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'server/**/*.ts', 'types/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [
        createTypeScriptImportResolver({ project: ['tsconfig.json', 'server/tsconfig.json'], noWarnOnMultipleProjects: true }),
      ],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    rules: { 'import-x/no-restricted-paths': ['error', { zones: featureBoundaries('./src') }] },
  },
  {
    // Chat routes reach the database only through a service: route → service → repository.
    files: ['server/features/chat/*.routes.ts'],
    plugins: { 'import-x': importX },
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './server/features/chat/*.routes.ts',
              from: ['./server/features/chat/*.repository.ts', './server/features/chat/*.queries.ts'],
              message: 'Routes call a service; only services use repositories.',
            },
          ],
        },
      ],
    },
  },
  {
    // The app bundles only plain value modules of the contract (types/*-data.ts); schema files
    // pull TypeBox into the mini-program, so from them only types may be imported.
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@shared/*', '!@shared/*-data'],
              allowTypeImports: true,
              message: 'Import values from a plain types/*-data.ts module; schema files are type-only in the app.',
            },
            {
              group: ['typebox', 'typebox/*', '**/types/*'],
              message: 'The app imports the contract through @shared/*, and never TypeBox itself.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        process: 'readonly',
        console: 'readonly',
        jest: 'readonly',
        global: 'writable',
        document: 'readonly',
        setTimeout: 'readonly',
        describe: 'readonly',
        it: 'readonly',
        expect: 'readonly',
        beforeAll: 'readonly',
        afterAll: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
)
