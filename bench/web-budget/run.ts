import 'reflect-metadata';
import { join, resolve } from 'node:path';
import { axeAtWidth } from './axe-audit';
import { buildWeb } from './build-web';
import { connectPlaywright, signInParent, startChrome } from './chrome';
import { Cleanup } from './cleanup';
import { measureAreas } from './js-budget';
import { LighthouseAudit } from './lighthouse-audit';
import { printAxe, printJsBudget, printLighthouse } from './report';
import { BASELINE_PATH, startStack } from './stack';

/**
 * bench/web-budget: what the built web app asks of a parent's phone. `npm run bench:web-budget [runs]` builds
 * the app (vite, production), then prints
 * - each route tree's initial JavaScript, gzipped, from vite's manifest (goal: the parent area under 100 kB);
 * - Lighthouse's mobile preset on the parent's Invitations page (where they book for a child), signed in through
 *   the real flow in the same Chrome, `runs` times (default 5), against a static page with no JavaScript served
 *   by the same server in the same run (goal: performance 95 or more);
 * - axe-core on that page at 360 px wide (goal: no serious or critical violation).
 * The API runs in this process with a database of its own; everything is undone at the end, on failure too.
 * A missed goal prints FAIL; only a crash exits non-zero.
 */
const RUNS = Number(process.argv[2] ?? 5);
const PARENT_PAGE = '/parent/invitations';
const PHONE_WIDTH = 360;
const ROOT = resolve(__dirname, '../../..');
const DIST = join(ROOT, 'apps/web/dist');

async function main(cleanup: Cleanup): Promise<void> {
  if (!Number.isInteger(RUNS) || RUNS < 1) {
    throw new Error(`runs must be a whole number of at least 1 (it is ${process.argv[2]})`);
  }
  await buildWeb(ROOT);
  printJsBudget(measureAreas(DIST));

  const stack = await startStack(DIST, join(__dirname, 'baseline.html'), cleanup);
  const chrome = await startChrome(cleanup);
  const playwright = await connectPlaywright(chrome, cleanup);
  const tab = await signInParent(playwright, stack.webUrl, stack.parent);

  const lighthouse = await LighthouseAudit.attach(chrome.port, stack.webUrl, cleanup);
  const [parent, baseline] = await lighthouse.medians(
    [`${stack.webUrl}${PARENT_PAGE}`, `${stack.webUrl}${BASELINE_PATH}`],
    RUNS,
  );
  printLighthouse(PARENT_PAGE, parent!, baseline!);

  const violations = await axeAtWidth(tab, `${stack.webUrl}${PARENT_PAGE}`, 'Invitations', PHONE_WIDTH);
  printAxe(PARENT_PAGE, PHONE_WIDTH, violations);
}

const cleanup = new Cleanup();
const stop = (code: number) => void cleanup.run().finally(() => process.exit(code));
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: cleaning up`);
    stop(130);
  });
}
// An error no promise carries (a child process that fails to start, say) still drops the database and Chrome.
process.once('uncaughtException', (error) => {
  console.error(error);
  stop(1);
});
void main(cleanup)
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => cleanup.run());
