import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { judge, passes, readAllowList, readAuditOutput, type AuditVerdict } from './lib/npm-audit';

/**
 * CI step 'Audit dependencies' (`node dist/scripts/audit-deps.js`): runs `npm audit --audit-level=high --json`
 * over production and development dependencies and fails when it finds a high or critical advisory that the
 * allow-list (.ci/audit-allowlist.json) does not explain, or when an allow-list entry is past its review date.
 *
 * A registry that does not serve advisories is a different outcome, on purpose. The registry reachable from
 * our build machines answers HTTP 405 to every audit endpoint, so `npm audit` cannot run there at all. Failing
 * CI for that would make every build red for a reason no change can fix, and people would learn to ignore
 * the step; passing silently would claim an audit that never happened. So the step prints a loud
 * `BLOCKED: ... dependencies were not audited` line and exits 0. Where the registry serves advisories (a
 * laptop, a CI runner with the public registry), the step gates as described above.
 */
const ROOT = join(__dirname, '..', '..');
const ALLOW_LIST = join(ROOT, '.ci', 'audit-allowlist.json');

function main(): number {
  const npm = spawnSync('npm', ['audit', '--audit-level=high', '--json'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1_048_576,
  });
  if (npm.error) {
    console.error(`ERROR: could not run npm audit: ${npm.error.message}`);
    return 1;
  }
  const outcome = readAuditOutput(npm.stdout);
  if (outcome.kind === 'blocked') {
    console.log('');
    console.log('*'.repeat(100));
    console.log(
      `BLOCKED: the registry here does not serve npm audit (${outcome.reason}); dependencies were not audited`,
    );
    console.log('*'.repeat(100));
    console.log('');
    return 0;
  }
  const entries = existsSync(ALLOW_LIST) ? readAllowList(readFileSync(ALLOW_LIST, 'utf8')) : [];
  const verdict = judge(outcome.advisories, entries, new Date().toISOString().slice(0, 10));
  print(verdict, outcome.dependencies);
  return passes(verdict) ? 0 : 1;
}

function print(verdict: AuditVerdict, dependencies: number): void {
  console.log(
    `Audited ${dependencies} dependencies (production and development) at high severity and above.`,
  );
  for (const { advisory, entry } of verdict.allowed) {
    console.log(
      `allowed  ${advisory.severity} ${advisory.id} in ${advisory.package}: ${entry.reason} (review by ${entry.reviewBy})`,
    );
  }
  for (const entry of verdict.unused) {
    console.log(`unused   allow-list entry ${entry.id} (${entry.package}) matched nothing: remove it`);
  }
  for (const entry of verdict.expired) {
    console.log(
      `EXPIRED  allow-list entry ${entry.id} (${entry.package}) was to be reviewed by ${entry.reviewBy}`,
    );
  }
  for (const a of verdict.unexplained) {
    console.log(`FAILED   ${a.severity} ${a.id} in ${a.package} ${a.range}: ${a.title} ${a.url}`);
  }
  if (passes(verdict)) {
    console.log('No unexplained high or critical advisories.');
  } else {
    console.log(
      'Upgrade the packages above, or add an entry to .ci/audit-allowlist.json with the advisory id, the package,',
    );
    console.log('why it does not affect Rowan, and a review-by date.');
  }
}

if (require.main === module) {
  try {
    process.exitCode = main();
  } catch (error) {
    console.error(`ERROR: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
