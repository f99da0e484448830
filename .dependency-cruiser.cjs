/**
 * The dependency rule (ARCHITECTURE.md section 1): apps -> adapters -> application -> domain -> kernel,
 * contexts meet only through each other's public `src/index.ts`.
 *
 * Run: `depcruise apps libs --config .dependency-cruiser.cjs` (part of `npm run lint`).
 * Proven by test/tooling/dependency-rule.int-spec.ts against test/fixtures/dependency-rule/.
 *
 * Every path pattern starts with `(?:^|/)` so it matches both the real tree (`libs/...`) and the
 * same layout under a fixture folder (`test/fixtures/dependency-rule/libs/...`).
 * Group matching: in `to.path`/`to.pathNot`, `$1` is the first capture group of `from.path`
 * (the library name), so "its own domain" can be written as `libs/$1/src/domain/`.
 */

/** A regex matching an npm package (resolved into node_modules, or left unresolved) by name. */
function packages(names) {
  const alternatives = names.map((name) => name.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace('*', '[^/]+'));
  const group = `(?:${alternatives.join('|')})(?:/|$)`;
  return [`(?:^|/)node_modules/${group}`, `^${group}`];
}

/** Frameworks, ORM, queues and vendor SDKs: none of these may reach a domain. */
const FRAMEWORK_AND_SDK = packages([
  '@nestjs/*',
  '@mikro-orm/*',
  'bullmq',
  'ioredis',
  'stripe',
  'twilio',
  '@aws-sdk/*',
  '@fusionauth/*',
  'class-validator',
  'class-transformer',
  'reflect-metadata',
  'rxjs',
  'fastify',
  '@fastify/*',
  '@bull-board/*',
  'mysql2',
  'knex',
  'kysely',
  'jose',
  'jwks-rsa',
  'passport',
  'passport-jwt',
  'oidc-provider',
  'pino',
  'nestjs-pino',
  'pino-http',
  'prom-client',
]);

const NPM_TYPES = ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-bundled', 'npm-no-pkg', 'npm-unknown'];

// Test code: unit/integration/e2e specs and the in-memory fakes kept in libs/<ctx>/src/testing/.
const SPEC = '\\.(?:spec|int-spec|e2e-spec)\\.ts$';
const TESTING = '(?:^|/)libs/[^/]+/src/testing/';

const DOMAIN = '(?:^|/)libs/([^/]+)/src/domain/';
const APPLICATION = '(?:^|/)libs/([^/]+)/src/application/';
// A context library: any lib except the shared kernel and the adapters. $1 = its name.
const CONTEXT = '(?:^|/)libs/(?!adapters/|kernel/)([^/]+)/src/';
const PUBLIC_API = '(?:^|/)libs/(?!adapters/)[^/]+/src/index\\.ts$';
// A context's Nest module (libs/<ctx>/src/<ctx>.module.ts): the second entry point, for wiring only.
const MODULE = '(?:^|/)libs/(?!adapters/)[^/]+/src/[^/]+\\.module\\.ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    // (a) The domain is plain TypeScript.
    {
      name: 'domain-no-framework-or-sdk',
      comment:
        'libs/<ctx>/src/domain/ is plain TypeScript: no NestJS, MikroORM, BullMQ, Redis, vendor SDK or ' +
        'validation decorators (not even type-only imports). Put the code in application/ports or an adapter.',
      severity: 'error',
      from: { path: DOMAIN },
      to: { path: FRAMEWORK_AND_SDK },
    },
    {
      name: 'domain-no-outer-layers',
      comment:
        'A domain depends only on its own domain/ and the kernel: not on its application, module, ' +
        'testing fakes, adapters, apps, nor on any other context (aggregates refer to others by id). ' +
        'Its specs may also use test helpers.',
      severity: 'error',
      from: { path: DOMAIN, pathNot: SPEC },
      to: {
        path: ['(?:^|/)libs/', '(?:^|/)apps/'],
        pathNot: ['(?:^|/)libs/$1/src/domain/', '(?:^|/)libs/kernel/src/'],
      },
    },
    // (b) Use cases see only inward.
    {
      name: 'application-only-inner-layers',
      comment:
        'libs/<ctx>/src/application/ may import only its own domain/ and application/, the kernel, ' +
        "@nestjs/common (for @Injectable) and other contexts' public src/index.ts: no adapters, apps, " +
        'ORM, SDK or other npm package. Node core modules (node:crypto for fingerprints) are allowed here, ' +
        'not in domain/.',
      severity: 'error',
      from: { path: APPLICATION, pathNot: SPEC },
      to: {
        dependencyTypesNot: ['core'],
        pathNot: [
          '(?:^|/)libs/$1/src/(?:domain|application)/',
          '(?:^|/)libs/kernel/src/',
          PUBLIC_API,
          ...packages(['@nestjs/common']),
        ],
      },
    },
    // (c) Contexts meet only through each other's public API.
    {
      name: 'context-no-foreign-internals',
      comment:
        "A context imports another lib only through that lib's src/index.ts (the @rowan/<ctx> alias), " +
        'never its domain/, application/ or other internals. Two more entry points are open: ' +
        "src/<ctx>.module.ts, for Nest wiring between modules (use cases still can't import it: see " +
        'application-only-inner-layers), and src/testing/ fakes for tests. Adapters are excluded here: ' +
        '<ctx>.module.ts binds ports to them.',
      severity: 'error',
      from: { path: CONTEXT },
      to: {
        path: '(?:^|/)libs/(?!$1/|adapters/)[^/]+/',
        pathNot: [PUBLIC_API, MODULE, TESTING],
      },
    },
    // (d) The kernel is the innermost ring.
    {
      name: 'kernel-no-other-libs',
      comment: 'libs/kernel imports no other lib and no app.',
      severity: 'error',
      from: { path: '(?:^|/)libs/kernel/' },
      to: { path: ['(?:^|/)libs/(?!kernel/)', '(?:^|/)apps/'] },
    },
    {
      name: 'kernel-no-framework',
      comment: 'libs/kernel is plain TypeScript: no npm package (framework, ORM, SDK) outside its tests.',
      severity: 'error',
      from: { path: '(?:^|/)libs/kernel/', pathNot: SPEC },
      to: { dependencyTypes: [...NPM_TYPES, 'unknown'] },
    },
    // (e) Libraries never depend on the driving apps.
    {
      name: 'libs-not-to-apps',
      comment: 'libs/* never import apps/* (apps are the outermost ring).',
      severity: 'error',
      from: { path: '(?:^|/)libs/' },
      to: { path: '(?:^|/)apps/' },
    },
    // (f) No cycles. A cycle made only of runtime imports breaks module loading and Nest DI: error.
    {
      name: 'no-circular',
      comment: 'Circular runtime dependency. Break it with a port, or move the shared piece inward.',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'no-circular-type-only',
      comment:
        'Circular dependency that goes through an `import type`: harmless at run time, but a design smell.',
      severity: 'warn',
      from: {},
      to: { circular: true, via: { dependencyTypes: ['type-only'] } },
    },

    // Further rules that follow from the same design.
    {
      name: 'apps-through-public-api',
      comment:
        'Apps use a context through its public src/index.ts (or its <ctx>.module.ts), not its internals. ' +
        'Adapters (libs/adapters) are open to apps.',
      severity: 'error',
      from: { path: '(?:^|/)apps/(?:api|worker|sandbox)/', pathNot: SPEC },
      to: {
        path: '(?:^|/)libs/(?!adapters/)[^/]+/',
        pathNot: [PUBLIC_API, MODULE],
      },
    },
    {
      name: 'no-testing-fakes-in-production',
      comment: 'libs/<ctx>/src/testing/ (in-memory fakes) is for tests only.',
      severity: 'error',
      from: { path: ['(?:^|/)libs/', '(?:^|/)apps/'], pathNot: [SPEC, TESTING] },
      to: { path: TESTING },
    },
    {
      name: 'web-not-to-server',
      comment:
        'The SPA talks to the server only through the client generated from apps/api/openapi.json; ' +
        'it never imports server code.',
      severity: 'error',
      from: { path: '(?:^|/)apps/web/' },
      to: { path: ['(?:^|/)libs/', '(?:^|/)apps/(?!web/)'] },
    },
    {
      name: 'adapters-through-public-api',
      comment:
        "Adapters should implement a context's ports and map its aggregates through what its src/index.ts " +
        'exports, not by reaching into its folders. A warning: tighten to error once the contexts settle.',
      severity: 'warn',
      from: { path: '(?:^|/)libs/adapters/' },
      to: {
        path: '(?:^|/)libs/(?!adapters/)[^/]+/',
        pathNot: [PUBLIC_API, TESTING],
      },
    },
    {
      name: 'server-not-to-dev-dep',
      comment:
        'Server code outside tests must not import a devDependency at run time: `npm ci --omit=dev` ' +
        'would not install it. Move it to dependencies, or import it in a spec only.',
      severity: 'error',
      from: { path: ['(?:^|/)libs/', '(?:^|/)apps/(?:api|worker|sandbox)/'], pathNot: [SPEC, TESTING] },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-non-package-json',
      comment:
        'Imports a package that is not in package.json: it only works while npm happens to hoist it. ' +
        'Add it to dependencies.',
      severity: 'error',
      from: { path: ['(?:^|/)libs/', '(?:^|/)apps/'] },
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'], dependencyTypesNot: ['type-only'] },
    },
    {
      // dependency-cruiser cannot require two dependency types at once, so this also repeats, as a warning,
      // what no-non-package-json reports as an error; on its own it means a type-only import.
      name: 'no-non-package-json-types',
      comment:
        'Imports (at least the types of) a package that is not in package.json: its types resolve only ' +
        'through hoisting. Add it to dependencies or devDependencies.',
      severity: 'warn',
      from: { path: ['(?:^|/)libs/', '(?:^|/)apps/'] },
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
    {
      name: 'no-deprecated-core',
      comment: 'A deprecated Node core module.',
      severity: 'warn',
      from: {},
      to: {
        dependencyTypes: ['core'],
        path: '^(?:node:)?(?:punycode|domain|constants|sys|_linklist|_stream_wrap)$',
      },
    },
  ],
  options: {
    doNotFollow: { path: ['node_modules'] },
    // Build output only (anchored: packages in node_modules live under their own dist/ folders).
    exclude: { path: ['^(?:dist|coverage)/', '^apps/web/dist/'] },
    // Include `import type` and imports that TypeScript elides: a type is a dependency too.
    tsPreCompilationDeps: true,
    // Resolve @rowan/* through tsconfig.json `paths`.
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
      extensions: ['.ts', '.d.ts', '.js', '.mjs', '.cjs', '.vue', '.json'],
    },
    skipAnalysisNotInRules: true,
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
