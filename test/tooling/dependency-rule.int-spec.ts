/**
 * Proves that the dependency rule in .dependency-cruiser.cjs bites: it runs the real CLI with the real
 * configuration over test/fixtures/dependency-rule/ (a miniature of the repo layout) and checks which
 * files are reported, under which rule. `npm run lint` runs the same configuration over apps/ and libs/.
 *
 * The CLI is spawned rather than imported: dependency-cruiser ships as ES modules only, with no
 * `require` export condition, so the CommonJS output of @swc/jest cannot load it.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const FIXTURES = 'test/fixtures/dependency-rule';
const CLI = join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');

type Violation = {
  from: string;
  to: string;
  rule: { name: string; severity: 'error' | 'warn' | 'info' | 'ignore' };
};
type CruiseResult = { summary: { violations: Violation[]; error: number; warn: number } };

/** Runs depcruise; it exits with the number of errors, so a non-zero code is expected here. */
function cruiseFixtures(): Promise<CruiseResult> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [CLI, FIXTURES, '--config', '.dependency-cruiser.cjs', '--output-type', 'json'],
      { cwd: ROOT, maxBuffer: 32 * 1024 * 1024 },
      (error, stdout, stderr) => {
        try {
          resolve(JSON.parse(stdout) as CruiseResult);
        } catch {
          reject(
            new Error(`depcruise printed no JSON (${error?.message ?? 'exit 0'}):\n${stderr}\n${stdout}`),
          );
        }
      },
    );
  });
}

const fixture = (path: string): string => `${FIXTURES}/${path}`;

describe('dependency rule (.dependency-cruiser.cjs)', () => {
  let violations: Violation[] = [];

  beforeAll(async () => {
    ({
      summary: { violations },
    } = await cruiseFixtures());
  }, 60_000);

  /** The rules that reported a dependency from this file, with their severities. */
  function rulesFor(path: string): string[] {
    return violations
      .filter((violation) => violation.from === fixture(path))
      .map((violation) => `${violation.rule.severity}:${violation.rule.name}`);
  }

  it.each([
    ['libs/demo/src/domain/bad-entity.ts', 'domain-no-framework-or-sdk'],
    ['libs/demo/src/domain/bad-orm.ts', 'domain-no-framework-or-sdk'],
    ['libs/demo/src/domain/bad-type-only-sdk.ts', 'domain-no-framework-or-sdk'],
    ['libs/demo/src/domain/bad-uses-application.ts', 'domain-no-outer-layers'],
    ['libs/demo/src/application/register-thing/bad-adapter.use-case.ts', 'application-only-inner-layers'],
    ['libs/demo/src/application/register-thing/bad-orm.use-case.ts', 'application-only-inner-layers'],
    ['libs/demo/src/application/register-thing/bad-module.use-case.ts', 'application-only-inner-layers'],
    [
      'libs/demo/src/application/register-thing/bad-foreign-internal.use-case.ts',
      'context-no-foreign-internals',
    ],
    [
      'libs/demo/src/application/register-thing/bad-foreign-internal.use-case.ts',
      'application-only-inner-layers',
    ],
    ['libs/other/src/bad-other.module.ts', 'context-no-foreign-internals'],
    ['libs/kernel/src/bad-kernel-framework.ts', 'kernel-no-framework'],
    ['libs/kernel/src/bad-kernel-to-context.ts', 'kernel-no-other-libs'],
    ['libs/demo/src/bad-to-app.ts', 'libs-not-to-apps'],
    ['libs/demo/src/domain/bad-cycle-a.ts', 'no-circular'],
    ['apps/api/src/bad-deep-import.ts', 'apps-through-public-api'],
    ['apps/api/src/bad-uses-fake.ts', 'no-testing-fakes-in-production'],
    ['apps/web/src/bad-imports-server.ts', 'web-not-to-server'],
  ])('reports %s as an error of %s', (path, rule) => {
    expect(rulesFor(path)).toContain(`error:${rule}`);
  });

  it('reports the domain importing @nestjs/common, naming the package', () => {
    expect(violations).toContainEqual(
      expect.objectContaining({
        from: fixture('libs/demo/src/domain/bad-entity.ts'),
        to: expect.stringMatching(/node_modules\/@nestjs\/common\//),
        rule: { name: 'domain-no-framework-or-sdk', severity: 'error' },
      }),
    );
  });

  it('reports a cycle through an `import type` as a warning, not an error', () => {
    const typeCycle = violations.filter((violation) => violation.from.includes('/warn-type-cycle-'));
    expect(typeCycle.length).toBeGreaterThan(0);
    expect(typeCycle.map((violation) => violation.rule)).toEqual(
      typeCycle.map(() => ({ name: 'no-circular-type-only', severity: 'warn' })),
    );
  });

  it.each([
    'libs/demo/src/domain/good-entity.ts',
    'libs/demo/src/domain/quantity.ts',
    'libs/demo/src/application/register-thing/register-thing.use-case.ts',
    'libs/demo/src/application/ports/thing.repository.ts',
    'libs/demo/src/testing/in-memory-thing.repository.ts',
    'libs/demo/src/demo.module.ts',
    'libs/demo/src/index.ts',
    'libs/adapters/src/persistence/mikro-orm-thing.repository.ts',
    'libs/kernel/src/index.ts',
    'libs/other/src/index.ts',
    'libs/other/src/other.module.ts',
    'apps/api/src/good-controller.ts',
  ])('does not report %s', (path) => {
    expect(rulesFor(path)).toEqual([]);
  });

  it('reports only the files meant to break a rule', () => {
    const offenders = new Set(violations.map((violation) => violation.from.slice(FIXTURES.length + 1)));
    for (const offender of offenders) {
      expect(offender).toMatch(/(?:^|\/)(?:bad|warn)-[^/]+\.ts$/);
    }
  });
});
