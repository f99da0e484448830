import { availableParallelism, loadavg } from 'node:os';
import { basename } from 'node:path';
import { IMPACTS, type AxeViolation } from './axe-audit';
import type { Area, JsBudget } from './js-budget';
import type { Median } from './lighthouse-audit';

/** The bench's goals (issue 5). */
export const GOALS = { parentJsKb: 100, performance: 95 } as const;

const AREA_LABEL: Record<Area, string> = {
  parent: 'parent area (/parent/…)',
  'sign-in': 'sign-in and entry (/sign-in)',
  staff: 'staff area (/…)',
};
const kb = (bytes: number) => bytes / 1000;
const chunkName = (file: string) => basename(file).replace(/-[\w-]{8}\.js$/, '');
const passFail = (pass: boolean) => (pass ? 'pass' : 'FAIL');
const line = (label: string, ...columns: string[]) =>
  console.log(`  ${label.padEnd(34)}${columns.map((c) => c.padEnd(27)).join('')}`.trimEnd());

export function printJsBudget({ areas, onDemand }: JsBudget): boolean {
  console.log(
    'Initial JavaScript per route tree, gzipped (kB = 1,000 bytes, as vite prints): the entry chunk and its static',
  );
  console.log("imports, plus the tree's lazy chunk and its static imports, from dist/.vite/manifest.json");
  for (const area of areas) {
    line(AREA_LABEL[area.area], `${kb(area.gzipBytes).toFixed(1)} kB`, area.files.map(chunkName).join(' + '));
  }
  for (const chunk of onDemand) {
    line(`on first use: ${chunkName(chunk.file)}`, `${kb(chunk.gzipBytes).toFixed(1)} kB`, 'not initial');
  }
  const parent = areas.find((a) => a.area === 'parent');
  if (!parent) {
    throw new Error('The manifest has no parent route tree');
  }
  const pass = kb(parent.gzipBytes) < GOALS.parentJsKb;
  line(
    `goal: parent area < ${GOALS.parentJsKb} kB`,
    `${passFail(pass)} (${kb(parent.gzipBytes).toFixed(1)} kB)`,
  );
  return pass;
}

export function printLighthouse(page: string, subject: Median, baseline: Median): boolean {
  console.log(
    `\nLighthouse ${subject.lighthouseVersion}, mobile preset (simulated slow 4G, 4x CPU slowdown, moto G power),`,
  );
  console.log(
    `cold HTTP cache; median of ${subject.scores.length} runs each, the pages taking turns after a warm-up run each`,
  );
  line('', page, 'baseline (static, no JS)', 'ratio to baseline');
  const ms = (v: number) => (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(0)} ms`);
  line(
    'performance score',
    String(subject.performance),
    String(baseline.performance),
    (subject.performance / baseline.performance).toFixed(2),
  );
  line('  each run', subject.scores.join(' '), baseline.scores.join(' '));
  line('first contentful paint', ms(subject.fcp), ms(baseline.fcp), (subject.fcp / baseline.fcp).toFixed(2));
  line(
    'largest contentful paint',
    ms(subject.lcp),
    ms(baseline.lcp),
    (subject.lcp / baseline.lcp).toFixed(2),
  );
  line('total blocking time', ms(subject.tbt), ms(baseline.tbt));
  line('cumulative layout shift', subject.cls.toFixed(3), baseline.cls.toFixed(3));
  line('accessibility score', String(subject.accessibility), String(baseline.accessibility));
  line(
    'machine',
    `benchmark index ${subject.benchmarkIndex}, load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`,
  );
  for (const warning of new Set([...subject.warnings, ...baseline.warnings])) {
    console.log(`  Lighthouse warned: ${warning}`);
  }
  const pass = subject.performance >= GOALS.performance;
  line(`goal: performance >= ${GOALS.performance}`, `${passFail(pass)} (${subject.performance})`);
  return pass;
}

export function printAxe(page: string, width: number, violations: readonly AxeViolation[]): boolean {
  console.log(`\naxe-core on ${page} at ${width} px wide (WCAG 2.x A and AA)`);
  line(
    'violations by impact',
    IMPACTS.map((impact) => `${impact} ${violations.filter((v) => v.impact === impact).length}`).join(', '),
  );
  for (const v of violations) {
    console.log(`  ${v.impact}: ${v.id} (${v.help}) at ${v.targets.join(', ')}`);
  }
  const pass = !violations.some((v) => v.impact === 'serious' || v.impact === 'critical');
  line('goal: no serious or critical', passFail(pass));
  return pass;
}
