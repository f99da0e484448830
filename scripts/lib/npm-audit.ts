/**
 * Reading `npm audit --json` (npm 11, audit report version 2) and checking it against the allow-list
 * (.ci/audit-allowlist.json). Pure functions; scripts/audit-deps.ts runs npm and prints the outcome.
 */

export type Severity = 'info' | 'low' | 'moderate' | 'high' | 'critical';

/** One advisory against one package, as npm reports it in a vulnerability's `via`. */
export interface Advisory {
  /** The GHSA id when the advisory's URL carries one, else npm's numeric source id. */
  readonly id: string;
  readonly package: string;
  readonly severity: Severity;
  readonly title: string;
  readonly url: string;
  /** The installed versions affected. */
  readonly range: string;
}

export type AuditOutcome =
  | { readonly kind: 'report'; readonly advisories: readonly Advisory[]; readonly dependencies: number }
  /** The registry did not serve advisories (an HTTP error or no answer): nothing was audited. */
  | { readonly kind: 'blocked'; readonly reason: string };

export interface AllowListEntry {
  readonly id: string;
  readonly package: string;
  readonly reason: string;
  /** YYYY-MM-DD: after this day the entry no longer allows anything, and the audit fails until reviewed. */
  readonly reviewBy: string;
}

export interface AuditVerdict {
  /** High or critical advisories that no valid entry allows. */
  readonly unexplained: readonly Advisory[];
  readonly allowed: ReadonlyArray<{ readonly advisory: Advisory; readonly entry: AllowListEntry }>;
  /** Entries past their review date: each fails the audit. */
  readonly expired: readonly AllowListEntry[];
  /** Entries that matched nothing this run (the advisory is gone): worth removing, not a failure. */
  readonly unused: readonly AllowListEntry[];
}

const RANK: Record<Severity, number> = { info: 0, low: 1, moderate: 2, high: 3, critical: 4 };
const NETWORK_ERRORS = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT']);
const GHSA = /GHSA(-[23456789cfghjmpqrvwx]{4}){3}/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export class AuditReportError extends Error {}

/** What `npm audit --json` printed: a report, or the registry's refusal (npm prints that as JSON too). */
export function readAuditOutput(stdout: string): AuditOutcome {
  let parsed: unknown;
  try {
    parsed = JSON.parse(stdout);
  } catch {
    throw new AuditReportError(`npm audit printed no JSON: ${stdout.slice(0, 200) || '(nothing)'}`);
  }
  const body = (parsed ?? {}) as Record<string, unknown>;
  if (typeof body.vulnerabilities === 'object' && body.vulnerabilities !== null) {
    return {
      kind: 'report',
      advisories: advisoriesOf(body.vulnerabilities as Record<string, unknown>),
      dependencies: dependencyCount(body.metadata),
    };
  }
  if (typeof body.statusCode === 'number') {
    return { kind: 'blocked', reason: `HTTP ${body.statusCode}` };
  }
  const code = (body.error as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string' && NETWORK_ERRORS.has(code)) {
    return { kind: 'blocked', reason: `no answer: ${code}` };
  }
  throw new AuditReportError(
    `npm audit printed JSON that is neither a report nor a registry error: ${stdout.slice(0, 300)}`,
  );
}

/** Advisories of high or critical severity, one per advisory and package (a package's `via` names each). */
function advisoriesOf(vulnerabilities: Record<string, unknown>): Advisory[] {
  const found = new Map<string, Advisory>();
  for (const vulnerability of Object.values(vulnerabilities)) {
    const via = (vulnerability as { via?: unknown }).via;
    for (const cause of Array.isArray(via) ? via : []) {
      // A string names another vulnerable package (this one is affected through it): reported there.
      if (typeof cause !== 'object' || cause === null) {
        continue;
      }
      const v = cause as Record<string, unknown>;
      const severity = v.severity as Severity;
      if (!(severity in RANK) || RANK[severity] < RANK.high) {
        continue;
      }
      const url = String(v.url ?? '');
      const advisory: Advisory = {
        id: GHSA.exec(url)?.[0] ?? String(v.source),
        package: String(v.name ?? v.dependency),
        severity,
        title: String(v.title ?? ''),
        url,
        range: String(v.range ?? ''),
      };
      found.set(`${advisory.id} ${advisory.package}`, advisory);
    }
  }
  return [...found.values()].sort((a, b) => RANK[b.severity] - RANK[a.severity] || a.id.localeCompare(b.id));
}

function dependencyCount(metadata: unknown): number {
  const total = (metadata as { dependencies?: { total?: unknown } } | undefined)?.dependencies?.total;
  return typeof total === 'number' ? total : 0;
}

/** The allow-list file: `{ "entries": [ { id, package, reason, reviewBy } ] }`; a malformed entry throws. */
export function readAllowList(text: string): AllowListEntry[] {
  const entries = (JSON.parse(text) as { entries?: unknown }).entries;
  if (!Array.isArray(entries)) {
    throw new AuditReportError('The allow-list must be { "entries": [...] }');
  }
  return entries.map((raw: Record<string, unknown>, i) => {
    const at = `allow-list entry ${i + 1}`;
    for (const field of ['id', 'package', 'reason', 'reviewBy']) {
      if (typeof raw[field] !== 'string' || !(raw[field] as string).trim()) {
        throw new AuditReportError(`${at}: ${field} is required (a non-empty string)`);
      }
    }
    if (!DAY.test(raw.reviewBy as string) || Number.isNaN(Date.parse(raw.reviewBy as string))) {
      throw new AuditReportError(`${at}: reviewBy must be a date, YYYY-MM-DD (got ${String(raw.reviewBy)})`);
    }
    return { id: raw.id, package: raw.package, reason: raw.reason, reviewBy: raw.reviewBy } as AllowListEntry;
  });
}

/** `today` is YYYY-MM-DD; an entry is valid through its review day. */
export function judge(
  advisories: readonly Advisory[],
  entries: readonly AllowListEntry[],
  today: string,
): AuditVerdict {
  const expired = entries.filter((e) => e.reviewBy < today);
  const valid = entries.filter((e) => e.reviewBy >= today);
  const allowed: Array<{ advisory: Advisory; entry: AllowListEntry }> = [];
  const unexplained: Advisory[] = [];
  for (const advisory of advisories) {
    const entry = valid.find((e) => e.id === advisory.id && e.package === advisory.package);
    if (entry) {
      allowed.push({ advisory, entry });
    } else {
      unexplained.push(advisory);
    }
  }
  const unused = valid.filter((e) => !allowed.some((a) => a.entry === e));
  return { unexplained, allowed, expired, unused };
}

export function passes(verdict: AuditVerdict): boolean {
  return verdict.unexplained.length === 0 && verdict.expired.length === 0;
}
