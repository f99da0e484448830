import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  AuditReportError,
  judge,
  passes,
  readAllowList,
  readAuditOutput,
  type AllowListEntry,
} from '../../scripts/lib/npm-audit';

/** What npm 11 prints for `npm audit --json` (audit report version 2), trimmed to three packages. */
const REPORT = {
  auditReportVersion: 2,
  vulnerabilities: {
    'path-to-regexp': {
      name: 'path-to-regexp',
      severity: 'high',
      isDirect: false,
      via: [
        {
          source: 1101850,
          name: 'path-to-regexp',
          dependency: 'path-to-regexp',
          title: 'path-to-regexp outputs backtracking regular expressions',
          url: 'https://github.com/advisories/GHSA-9wv6-86v2-598j',
          severity: 'high',
          cwe: ['CWE-1333'],
          cvss: { score: 7.5, vectorString: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H' },
          range: '<0.1.10',
        },
        {
          source: 1099965,
          name: 'path-to-regexp',
          dependency: 'path-to-regexp',
          title: 'A lower-severity advisory on the same package',
          url: 'https://github.com/advisories/GHSA-rhx6-c78j-4q9w',
          severity: 'moderate',
          range: '<0.1.12',
        },
      ],
      effects: ['router'],
      range: '<0.1.12',
      nodes: ['node_modules/path-to-regexp'],
      fixAvailable: true,
    },
    router: {
      name: 'router',
      severity: 'high',
      isDirect: false,
      via: ['path-to-regexp'],
      effects: [],
      range: '1.0.0 - 1.3.8',
      nodes: ['node_modules/router'],
      fixAvailable: true,
    },
    'cross-spawn': {
      name: 'cross-spawn',
      severity: 'critical',
      isDirect: false,
      via: [
        {
          source: 1100563,
          name: 'cross-spawn',
          dependency: 'cross-spawn',
          title: 'Regular Expression Denial of Service (ReDoS) in cross-spawn',
          url: 'https://github.com/advisories/GHSA-3xgq-45jj-v275',
          severity: 'critical',
          range: '>=7.0.0 <7.0.5',
        },
      ],
      effects: [],
      range: '7.0.0 - 7.0.4',
      nodes: ['node_modules/cross-spawn'],
      fixAvailable: { name: 'cross-spawn', version: '7.0.6', isSemVerMajor: false },
    },
    'brace-expansion': {
      name: 'brace-expansion',
      severity: 'low',
      isDirect: false,
      via: [
        {
          source: 1105443,
          name: 'brace-expansion',
          dependency: 'brace-expansion',
          title: 'brace-expansion Regular Expression Denial of Service vulnerability',
          url: 'https://github.com/advisories/GHSA-v6h2-p8h4-qcjw',
          severity: 'low',
          range: '>=2.0.0 <=2.0.1',
        },
      ],
      effects: [],
      range: '2.0.0 - 2.0.1',
      nodes: ['node_modules/brace-expansion'],
      fixAvailable: true,
    },
  },
  metadata: {
    vulnerabilities: { info: 0, low: 1, moderate: 0, high: 2, critical: 1, total: 4 },
    dependencies: { prod: 412, dev: 1201, optional: 60, peer: 0, peerOptional: 0, total: 1612 },
  },
};

/** What npm 11 prints with `--json` when the registry refuses the audit endpoint (seen on our CI machines). */
const REFUSED = {
  message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
  method: 'POST',
  uri: 'https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
  headers: { allow: ['GET,HEAD'], 'content-length': ['0'] },
  statusCode: 405,
  body: '',
  error: { summary: '', detail: '' },
};

const entry = (over: Partial<AllowListEntry>): AllowListEntry => ({
  id: 'GHSA-9wv6-86v2-598j',
  package: 'path-to-regexp',
  reason: 'Only the docs server uses it, with fixed routes',
  reviewBy: '2027-01-31',
  ...over,
});

describe('npm audit report', () => {
  const report = readAuditOutput(JSON.stringify(REPORT));
  const advisories = report.kind === 'report' ? report.advisories : [];

  it('finds each high or critical advisory once, by GHSA id and package, most severe first', () => {
    expect(report).toMatchObject({ kind: 'report', dependencies: 1612 });
    expect(advisories.map((a) => [a.severity, a.id, a.package])).toEqual([
      ['critical', 'GHSA-3xgq-45jj-v275', 'cross-spawn'],
      ['high', 'GHSA-9wv6-86v2-598j', 'path-to-regexp'],
    ]);
    expect(advisories[1]).toMatchObject({
      title: 'path-to-regexp outputs backtracking regular expressions',
      range: '<0.1.10',
    });
  });

  it('fails on advisories the allow-list does not explain', () => {
    const verdict = judge(advisories, [], '2026-12-01');
    expect(passes(verdict)).toBe(false);
    expect(verdict.unexplained).toHaveLength(2);
  });

  it('passes when every one is explained by an entry within its review date', () => {
    const verdict = judge(
      advisories,
      [entry({}), entry({ id: 'GHSA-3xgq-45jj-v275', package: 'cross-spawn', reviewBy: '2026-12-01' })],
      '2026-12-01',
    );
    expect(passes(verdict)).toBe(true);
    expect(verdict.allowed.map((a) => a.advisory.package)).toEqual(['cross-spawn', 'path-to-regexp']);
  });

  it('fails on an expired entry, which then explains nothing', () => {
    const verdict = judge(
      advisories,
      [entry({ reviewBy: '2026-11-30' }), entry({ id: 'GHSA-3xgq-45jj-v275', package: 'cross-spawn' })],
      '2026-12-01',
    );
    expect(passes(verdict)).toBe(false);
    expect(verdict.expired.map((e) => e.id)).toEqual(['GHSA-9wv6-86v2-598j']);
    expect(verdict.unexplained.map((a) => a.id)).toEqual(['GHSA-9wv6-86v2-598j']);
  });

  it('allows only the named package, and reports entries that matched nothing', () => {
    const verdict = judge(advisories, [entry({ package: 'router' })], '2026-12-01');
    expect(verdict.unexplained.map((a) => a.package)).toEqual(['cross-spawn', 'path-to-regexp']);
    expect(verdict.unused.map((e) => e.package)).toEqual(['router']);
  });

  it('passes a clean report', () => {
    const clean = readAuditOutput(JSON.stringify({ ...REPORT, vulnerabilities: {} }));
    expect(clean).toMatchObject({ kind: 'report', advisories: [] });
  });
});

describe('a registry that does not serve audits', () => {
  it('is blocked, with the HTTP status, when the registry refuses (405)', () => {
    expect(readAuditOutput(JSON.stringify(REFUSED))).toEqual({ kind: 'blocked', reason: 'HTTP 405' });
  });

  it('is blocked when the registry does not answer', () => {
    const output = { error: { code: 'ENOTFOUND', summary: 'request to https://registry.npmjs.org failed' } };
    expect(readAuditOutput(JSON.stringify(output))).toEqual({
      kind: 'blocked',
      reason: 'no answer: ENOTFOUND',
    });
  });

  it('is an error, not a pass, when npm prints something else', () => {
    expect(() => readAuditOutput('npm ERR! something else')).toThrow(AuditReportError);
    expect(() => readAuditOutput(JSON.stringify({ error: { code: 'ELOCKVERIFY' } }))).toThrow(
      AuditReportError,
    );
  });
});

describe('the allow-list file', () => {
  it('reads entries', () => {
    expect(readAllowList(JSON.stringify({ entries: [entry({})] }))).toEqual([entry({})]);
  });

  it('refuses an entry without a reason or with a bad date', () => {
    expect(() => readAllowList(JSON.stringify({ entries: [entry({ reason: ' ' })] }))).toThrow(
      'allow-list entry 1: reason is required',
    );
    expect(() => readAllowList(JSON.stringify({ entries: [entry({ reviewBy: 'next year' })] }))).toThrow(
      'allow-list entry 1: reviewBy must be a date',
    );
  });

  it('reads the committed allow-list', () => {
    const file = readFileSync(join(__dirname, '..', '..', '.ci', 'audit-allowlist.json'), 'utf8');
    expect(() => readAllowList(file)).not.toThrow();
  });
});
