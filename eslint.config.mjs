// ESLint flat config (STYLE.md "Lint baseline"). Formatting is Prettier's job: no layout rules here.
//
// - Server TypeScript (apps/api, apps/worker, apps/sandbox, libs, test, bench, scripts, migrations) is linted
//   type-aware through the root tsconfig.json (typescript-eslint's project service).
// - The SPA (apps/web) is linted without type information: eslint-plugin-vue's recommended rules for .vue
//   files (vue-eslint-parser with the TypeScript parser) and typescript-eslint's recommended rules for its .ts.
// - The dependency rule (ARCHITECTURE.md section 1) is enforced by dependency-cruiser, not here.
import { existsSync } from 'node:fs';
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import pluginVue from 'eslint-plugin-vue';
import tseslint from 'typescript-eslint';
import vueParser from 'vue-eslint-parser';

const rootDir = import.meta.dirname;

const SERVER_TS = [
  'apps/api/**/*.ts',
  'apps/worker/**/*.ts',
  'apps/sandbox/**/*.ts',
  'libs/**/*.ts',
  'test/**/*.ts',
  'bench/**/*.ts',
  'scripts/**/*.ts',
  'migrations/**/*.ts',
];
// Browser tests are excluded from the root tsconfig.json. They get type-aware linting once they have
// their own tsconfig (the project service picks up the nearest one); until then, syntax-only rules.
const BROWSER_TESTS = 'test/browser/**/*.ts';
const browserTestsTyped = existsSync(`${rootDir}/test/browser/tsconfig.json`);

const nodeGlobals = {
  process: 'readonly',
  console: 'readonly',
  Buffer: 'readonly',
  URL: 'readonly',
  setTimeout: 'readonly',
  clearTimeout: 'readonly',
};
const commonJsGlobals = {
  ...nodeGlobals,
  module: 'writable',
  exports: 'writable',
  require: 'readonly',
  __dirname: 'readonly',
};

/** Rules shared by every TypeScript file, with or without type information. */
const tsRules = {
  eqeqeq: ['error', 'always', { null: 'ignore' }],
  curly: ['error', 'all'],
  '@typescript-eslint/no-explicit-any': 'warn',
  '@typescript-eslint/no-unused-vars': [
    'error',
    {
      argsIgnorePattern: '^_',
      varsIgnorePattern: '^_',
      caughtErrorsIgnorePattern: '^_',
      ignoreRestSiblings: true,
    },
  ],
};

/** Rules that need type information. */
const typeAwareRules = {
  '@typescript-eslint/no-floating-promises': 'error',
  '@typescript-eslint/no-misused-promises': 'error',
  '@typescript-eslint/await-thenable': 'error',
  '@typescript-eslint/switch-exhaustiveness-check': 'error',
};

export default defineConfig(
  globalIgnores([
    '**/node_modules/',
    '**/dist/',
    'coverage/',
    'apps/web/dist/',
    'apps/web/src/api/schema.d.ts',
    'test/fixtures/',
    'test-results/',
    '.demo/',
  ]),

  {
    name: 'rowan/report-unused-disable-directives',
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },

  // Plain JavaScript config files (eslint.config.mjs, jest.config.js, .dependency-cruiser.cjs, ...).
  {
    name: 'rowan/js',
    files: ['**/*.{js,mjs,cjs}'],
    extends: [js.configs.recommended],
    languageOptions: { ecmaVersion: 'latest', sourceType: 'module', globals: nodeGlobals },
    rules: { eqeqeq: ['error', 'always', { null: 'ignore' }], curly: ['error', 'all'] },
  },
  {
    // FusionAuth lambdas: a script whose `populate` FusionAuth calls with a fixed signature.
    name: 'rowan/fusionauth-lambdas',
    files: ['ops/fusionauth/**/*.js'],
    languageOptions: { sourceType: 'script', globals: { console: 'readonly' } },
    rules: { 'no-unused-vars': ['error', { varsIgnorePattern: '^populate$', args: 'none' }] },
  },
  {
    name: 'rowan/commonjs',
    files: ['**/*.cjs', 'jest.config.js'],
    languageOptions: { sourceType: 'commonjs', globals: commonJsGlobals },
  },

  // Every TypeScript file: syntax-level recommended rules.
  {
    name: 'rowan/typescript',
    files: ['**/*.ts', '**/*.mts', '**/*.cts', '**/*.vue'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    rules: {
      ...tsRules,
      // TypeScript checks undefined names itself (and knows DOM and Node types); no-undef only misfires.
      'no-undef': 'off',
    },
  },

  // Server TypeScript: type-aware.
  {
    name: 'rowan/server-type-aware',
    files: SERVER_TS,
    ignores: browserTestsTyped ? [] : [BROWSER_TESTS],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: rootDir,
        // NestJS DI and class-validator read the design:paramtypes/design:type metadata that TypeScript
        // (and swc) emit for decorated classes, which needs a runtime import of the class. With these two
        // options consistent-type-imports leaves files that contain decorators alone instead of turning
        // such imports into `import type` (which would break DI at run time).
        experimentalDecorators: true,
        emitDecoratorMetadata: true,
      },
    },
    rules: {
      ...typeAwareRules,
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { prefer: 'type-imports', fixStyle: 'separate-type-imports', disallowTypeAnnotations: false },
      ],
    },
  },

  // Browser tests without a tsconfig of their own: syntax-only.
  {
    name: 'rowan/browser-tests',
    files: [BROWSER_TESTS],
    rules: {
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { prefer: 'type-imports', fixStyle: 'separate-type-imports', disallowTypeAnnotations: false },
      ],
    },
  },

  // The SPA (its tsconfig has verbatimModuleSyntax: type-only imports must say so).
  {
    name: 'rowan/web-typescript',
    files: ['apps/web/**/*.ts', 'apps/web/**/*.vue'],
    rules: {
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { prefer: 'type-imports', fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
    },
  },
  ...pluginVue.configs['flat/recommended'].map((config) => ({ ...config, files: ['apps/web/**/*.vue'] })),
  {
    name: 'rowan/web-vue',
    files: ['apps/web/**/*.vue'],
    languageOptions: {
      parser: vueParser,
      parserOptions: {
        parser: tseslint.parser,
        sourceType: 'module',
        ecmaVersion: 'latest',
        extraFileExtensions: ['.vue'],
      },
    },
    rules: {
      // Prettier formats .vue files: switch off eslint-plugin-vue's layout rules.
      ...pluginVue.configs['no-layout-rules'].rules,
    },
  },
);
