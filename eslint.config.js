import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

/**
 * The layers of libs/, lowest first. A lib may import only libs before it in
 * this list, and only through their public index (`@fachtag/<lib>`), so the
 * libs form no cycle and nobody reaches into another lib's files. Apps may
 * import every lib, never another app. See docs/decisions.md, "Layers".
 */
export const LIB_LAYERS = [
  'common',
  'config',
  'exports',
  'calendar',
  'database',
  'organizers',
  'events',
  'mail',
  'seating',
  'registrations',
];

const crossing = {
  // a relative path into another lib or app: `../../events/src/x.js`, `../../../libs/…`
  regex: '^\\.{1,2}/(.*/)?(libs|apps|[a-z-]+/src)(/|$)',
  message: 'Import another lib as @fachtag/<lib> (its public index.ts); apps never import apps.',
};
const deepAlias = {
  // `@fachtag/<lib>/domain` is public too: the lib's pure rules without the ORM
  group: ['@fachtag/*/**', '!@fachtag/*/domain'],
  message:
    "Import a lib only through its public index: '@fachtag/<lib>' (or '@fachtag/<lib>/domain').",
};

/** no-restricted-imports for the files of lib `name`: lower layers only. */
function libBoundaries(name, index) {
  const higher = LIB_LAYERS.slice(index);
  return {
    files: [`libs/${name}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: higher.flatMap((other) =>
            [`@fachtag/${other}`, `@fachtag/${other}/domain`].map((entry) => ({
              name: entry,
              message:
                other === name
                  ? 'Inside a lib, import its own files relatively.'
                  : `libs/${name} sits below libs/${other} (LIB_LAYERS in eslint.config.js): no cycles between libs.`,
            })),
          ),
          patterns: [crossing, deepAlias],
        },
      ],
    },
  };
}

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      '.data/**',
      'coverage/**',
      '.stryker-tmp/**',
      'reports/**',
      'apps/web/src/gql/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'off',
    },
  },
  {
    files: ['apps/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [crossing, deepAlias] }] },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [deepAlias] }] },
  },
  {
    // a lib missing from LIB_LAYERS still may not reach into other libs or apps
    files: ['libs/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [crossing, deepAlias] }] },
  },
  ...LIB_LAYERS.map(libBoundaries),
  {
    // the participant web app and the development GraphiQL run in browsers
    files: ['apps/web/src/**/*.{ts,tsx}', 'apps/graphiql/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['test/**/*.ts', '**/*.spec.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // a unit of work runs again when PostgreSQL fails it transiently (docs/conventions.md)
    files: ['libs/**/*.ts', 'apps/api/**/*.ts', 'apps/worker/**/*.ts'],
    ignores: ['libs/database/src/transient.ts', '**/*.spec.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='transactional']",
          message:
            "Open a unit of work with transaction(em, work) from '@fachtag/database': it runs the work again after a transient PostgreSQL failure.",
        },
      ],
    },
  },
);
