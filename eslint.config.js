import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** The package root loads every function and locale as separate modules: ~450 MB in the services process. */
const dateFnsByFunction = {
  name: 'date-fns',
  message: "Import the one function (import { format } from 'date-fns/format'): the package root costs the services process ~450 MB.",
};

const electronOnlyInShell = {
  name: 'electron',
  message: 'Only the Electron shell (main/index.ts, main/shell/, main/preload/) may import electron.',
};

const mainNeverImportsRenderer = { group: ['**/renderer/**'], message: 'main/ never imports the renderer.' };

/**
 * The services (main/<feature>/) sit below the CLI, the session (who is signed in) and the
 * desktop that call them: what both a service and the CLI need (record counts, say) lives in a
 * service or main/store/, and a service is handed the signed-in member's id, never the runtime.
 */
const servicesBelowCliAndSession = {
  group: ['**/cli/*', '**/session/*', '../cli/*', '../session/*', '../../cli/*', '../../session/*'],
  message:
    'A service does not import main/cli/ or main/session/: move what both need into the service or main/store/, and take the signed-in staff id as an argument. Only main/bridge/, main/desktop/ and the shell reach the runtime.',
};

/** Node built-ins by bare name as well as node:*, so neither spelling slips into shared/ or renderer/. */
const nodeBuiltins = ['fs', 'fs/promises', 'path', 'os', 'crypto', 'child_process', 'worker_threads', 'stream', 'url', 'util', 'buffer', 'http', 'https', 'net', 'zlib'];

export default tseslint.config(
  // electron.vite.config.ts.*.mjs: the build's own short-lived copy of its config, there while lint runs beside it.
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'coverage/**', 'tests/bench/results/**', 'electron.vite.config.ts.*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    name: 'layering: shared/ is pure (no electron, node, react or DOM)',
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'shared/ is pure: no electron.' }, dateFnsByFunction, ...nodeBuiltins.map((name) => ({ name, message: 'shared/ is pure: no Node built-ins.' }))],
          patterns: [
            { group: ['node:*'], message: 'shared/ is pure: no Node built-ins.' },
            { group: ['react', 'react-dom', 'react/*', 'react-dom/*', '@mantine/*'], message: 'shared/ is pure: no React.' },
            { group: ['**/main/**', '../main', '../main/*', '**/renderer/**'], message: 'shared/ imports neither main/ nor renderer/.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'HTMLElement', 'process', 'require', 'Buffer'],
    },
  },
  {
    name: 'layering: renderer/ never reaches main/ or node',
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer talks to main only through window.skinledger.' },
            ...nodeBuiltins.map((name) => ({ name, message: 'The renderer is sandboxed: no Node built-ins.' })),
          ],
          patterns: [
            { group: ['node:*'], message: 'The renderer is sandboxed: no Node built-ins.' },
            { group: ['**/main/**', '../main', '../../main', '../../../main'], message: 'The renderer never imports main/: use the bridge.' },
          ],
        },
      ],
    },
  },
  {
    // The two classic rules only: v7's "recommended" also turns on the React Compiler rules
    // (set-state-in-effect, refs, immutability...), which flag ~35 working patterns here and
    // are a change of style to make on purpose, not with a lint upgrade.
    name: 'react hooks: called unconditionally, with every dependency named',
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    name: 'layering: electron only in the shell',
    files: ['main/**/*.ts'],
    ignores: ['main/index.ts', 'main/shell/**', 'main/preload/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [electronOnlyInShell, dateFnsByFunction], patterns: [mainNeverImportsRenderer] }],
    },
  },
  {
    // Repeats the rule above (a later block replaces a rule's options, it does not add to them).
    name: 'layering: services reach neither the CLI nor the session',
    files: ['main/**/*.ts'],
    ignores: ['main/index.ts', 'main/shell/**', 'main/preload/**', 'main/bridge/**', 'main/desktop/**', 'main/cli/**', 'main/session/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [electronOnlyInShell, dateFnsByFunction], patterns: [mainNeverImportsRenderer, servicesBelowCliAndSession] }],
    },
  },
);
