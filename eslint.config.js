// ESLint flat config: typescript-eslint's type-checked rules, plus the architecture's boundaries
// (STYLE.md §1 and §11) as no-restricted-imports patterns, plus the ban on process.env outside
// src/config.ts. Formatting is Prettier's job, not ESLint's.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

const TS = ['**/*.ts', '**/*.tsx'];
const SRC = ['src/**/*.ts', 'src/**/*.tsx'];
const TESTS = ['src/**/*.test.ts', 'src/**/*.test.tsx'];

// ── Import boundaries ────────────────────────────────────────────────────────────────────────────
// ESLint does not merge a rule's options across config blocks (the last matching block wins), so
// each kind of file gets one block listing every restriction that applies to it, built from these.

const noProcessEnvImport = {
  paths: ['node:process', 'process'].map((name) => ({
    name,
    importNames: ['env'],
    message: 'Only src/config.ts reads the environment. Take what you need from Config.',
  })),
};

const platformMayNotImportModules = {
  regex: String.raw`^\.{1,2}/(.*/)?modules(/|$)`,
  message:
    'platform/ knows no feature: it never imports from modules/. Pass what it needs in, or use a hook.',
};

/**
 * From a file `depth` folders below its module's root, `(../){depth+1}<other module>/<file>` reaches
 * into another module. Only its index may be imported: `../qa`, never `../qa/qa.repo`. A
 * `*.tables.ts` may also import another module's tables, to declare a foreign key.
 */
function intoAnotherModule(depth, { allowTables }) {
  const up = String.raw`\.\./`.repeat(depth + 1);
  const allowed = allowTables ? String.raw`index$|[^/]+\.tables$` : String.raw`index$`;
  return {
    regex: String.raw`^${up}[^./][^/]*/(?!${allowed}).+`,
    message: "Import another module only through its index.ts (e.g. '../conversations'), never its files.",
  };
}

const repoMayNotImportServices = {
  regex: String.raw`(\.service|/service/[^/]+)$`,
  message: 'Repos run queries only; services call repos, never the other way round.',
};

const viewsMayNotImportRepos = {
  regex: String.raw`(\.repo|/repo/[^/]+)$`,
  message: 'Views are pure functions of their props: the route loads the data, through a service.',
};

const restrict = (files, patterns) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { ...noProcessEnvImport, patterns }] },
});

const MAX_MODULE_DEPTH = 4;
const moduleBlocks = [];
for (let depth = 0; depth <= MAX_MODULE_DEPTH; depth++) {
  const dir = `src/modules/*/${'*/'.repeat(depth)}`;
  const cross = intoAnotherModule(depth, { allowTables: false });
  moduleBlocks.push(
    restrict([`${dir}*.ts`, `${dir}*.tsx`], [cross]),
    restrict([`${dir}*.tables.ts`], [intoAnotherModule(depth, { allowTables: true })]),
    restrict(
      [`${dir}*.repo.ts`, ...(depth > 0 ? [`src/modules/*/${'*/'.repeat(depth - 1)}repo/*.ts`] : [])],
      [cross, repoMayNotImportServices],
    ),
  );
  if (depth > 0) {
    const viewsDir = `src/modules/*/views/${'*/'.repeat(depth - 1)}`;
    moduleBlocks.push(restrict([`${viewsDir}*.ts`, `${viewsDir}*.tsx`], [cross, viewsMayNotImportRepos]));
  }
}

export default defineConfig(
  {
    ignores: [
      'dist/',
      'data/',
      'coverage/',
      'test-results/',
      'bench/results/',
      'src/db/migrations/',
      '**/node_modules/',
    ],
  },
  {
    files: TS,
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // A promise-returning function in a JSX event attribute is fine: we render on the server,
      // and client islands are plain DOM code.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // Fastify handlers and plugins, Vitest fixtures and hooks are async by contract, whether or
      // not a given one awaits anything.
      '@typescript-eslint/require-await': 'off',
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    // JavaScript (scripts, this file) is not in tsconfig.json, so it gets the rules that need no types.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        Buffer: 'readonly',
        performance: 'readonly',
      },
    },
  },
  {
    files: SRC,
    ignores: ['src/config.ts', ...TESTS],
    rules: {
      // Also catches `const { env } = process`.
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Only src/config.ts reads the environment. Take what you need from Config.',
        },
      ],
    },
  },
  restrict(SRC, []),
  restrict(['src/platform/**/*.ts', 'src/platform/**/*.tsx'], [platformMayNotImportModules]),
  restrict(
    ['src/platform/**/views/**/*.ts', 'src/platform/**/views/**/*.tsx'],
    [platformMayNotImportModules, viewsMayNotImportRepos],
  ),
  restrict(['src/platform/**/*.repo.ts'], [platformMayNotImportModules, repoMayNotImportServices]),
  // app.tsx, server.ts, cli.ts mount modules through their index too. (src/db/schema.ts is exempt:
  // it re-exports every *.tables.ts for drizzle-kit.)
  restrict(
    ['src/*.ts', 'src/*.tsx'],
    [{ regex: String.raw`^\./modules/[^/]+/(?!index$).+`, message: intoAnotherModule(0, {}).message }],
  ),
  ...moduleBlocks,
  {
    // Tests may reach into any layer to arrange data and read the environment.
    files: [...TESTS, 'test/**/*.ts', 'e2e/**/*.ts'],
    rules: {
      'no-restricted-imports': 'off',
      // Vitest reads a fixture's dependencies from the destructuring pattern of its first
      // argument, so a fixture that needs none must write `({}, ...)`.
      'no-empty-pattern': 'off',
      // Tests read untyped payloads (inject().json(), parsed feeds) and check them with expect(),
      // which fails loudly on a wrong shape; typing every fixture response would add no safety.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
);
