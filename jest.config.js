// One Jest run, three tiers (see docs/testing.md): unit (*.spec.ts), integration (*.int-spec.ts), end-to-end (*.e2e-spec.ts).
const swc = [
  '@swc/jest',
  {
    swcrc: false,
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2023',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];
const moduleNameMapper = {
  '^@rowan/kernel$': '<rootDir>/libs/kernel/src/index.ts',
  '^@rowan/access$': '<rootDir>/libs/access/src/index.ts',
  '^@rowan/access/(.*)$': '<rootDir>/libs/access/src/$1',
  '^@rowan/directory$': '<rootDir>/libs/directory/src/index.ts',
  '^@rowan/directory/(.*)$': '<rootDir>/libs/directory/src/$1',
  '^@rowan/communications$': '<rootDir>/libs/communications/src/index.ts',
  '^@rowan/communications/(.*)$': '<rootDir>/libs/communications/src/$1',
  '^@rowan/events$': '<rootDir>/libs/events/src/index.ts',
  '^@rowan/events/(.*)$': '<rootDir>/libs/events/src/$1',
  '^@rowan/compliance$': '<rootDir>/libs/compliance/src/index.ts',
  '^@rowan/compliance/(.*)$': '<rootDir>/libs/compliance/src/$1',
  '^@rowan/adapters/(.*)$': '<rootDir>/libs/adapters/src/$1',
  '^@rowan/sandbox$': '<rootDir>/apps/sandbox/src/index.ts',
};
const base = {
  rootDir: __dirname,
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper,
  testEnvironment: 'node',
  roots: ['<rootDir>/libs', '<rootDir>/apps/api', '<rootDir>/apps/worker', '<rootDir>/apps/sandbox', '<rootDir>/test'],
};
module.exports = {
  projects: [
    { ...base, displayName: 'unit', testMatch: ['**/*.spec.ts'] },
    {
      ...base,
      displayName: 'integration',
      testMatch: ['**/*.int-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
    {
      ...base,
      displayName: 'e2e',
      testMatch: ['**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};
