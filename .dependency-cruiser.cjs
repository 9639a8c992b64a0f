/**
 * The architecture, enforced (house style habit 8; issue 2 and issue 3 "no bypass").
 * Run: npm run deps:check. CI fails on any violation.
 */
const DRIVERS = '^(node_modules/)?(pg|pg-copy-streams|@electric-sql/pglite|kysely|kysely-pglite-dialect)(/|$)';
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment: 'src/core is pure TypeScript: no I/O, no database, no HTTP, no other layer.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: {
        path: [
          '^src/(data|server|cli|config)/',
          DRIVERS,
          '^(node_modules/)?(fastify|@fastify/.*|pino|undici)(/|$)',
        ],
        dependencyTypes: ['local', 'npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown', 'core'],
        pathNot: ['^crypto$', '^node:crypto$'],
      },
    },
    {
      name: 'core-no-node-io',
      comment: 'src/core may use node:crypto (hashing, AEAD) but no module that does I/O.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { dependencyTypes: ['core'], pathNot: ['^(node:)?crypto$', '^(node:)?util$', '^(node:)?buffer$'] },
    },
    {
      name: 'drivers-only-in-data',
      comment: 'Only src/data talks to the database driver (tests and benchmarks may, for set-up and the bare baseline).',
      severity: 'error',
      from: { pathNot: ['^src/data/', '^test/', '^bench/'] },
      to: { path: DRIVERS },
    },
    {
      name: 'data-only-through-its-door',
      comment: 'src/server and src/cli reach the data layer only through src/data/index.ts: gate-bound repositories and named system contexts.',
      severity: 'error',
      from: { path: '^src/(server|cli)/' },
      to: { path: '^src/data/', pathNot: '^src/data/index\\.ts$' },
    },
    {
      name: 'web-imports-no-server-code',
      comment: 'The web apps import no server, data, CLI or config code (shared pure types from src/core are fine).',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: ['^src/(server|data|cli|config)/', DRIVERS, '^(node_modules/)?(fastify|@fastify/.*)(/|$)'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^node_modules', '^\\.tmp', '^dist'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] },
  },
};
