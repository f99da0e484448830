import lighthouse from 'lighthouse';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { Cleanup } from './cleanup';

export interface LighthouseFigures {
  /** 0 to 100. */
  readonly performance: number;
  readonly accessibility: number;
  /** Milliseconds (simulated, mobile). */
  readonly fcp: number;
  readonly lcp: number;
  readonly tbt: number;
  readonly cls: number;
  /** Lighthouse's own warnings about the run (a slow machine, a redirect). */
  readonly warnings: readonly string[];
  readonly lighthouseVersion: string;
  /** Lighthouse's measure of this machine's speed at the time (higher is faster). */
  readonly benchmarkIndex: number;
}

export type Median = LighthouseFigures & { readonly scores: readonly number[] };

/**
 * Lighthouse (its default config: the mobile preset, simulated throttling, moto G power emulation) on the tab
 * whose URL starts with `origin`, reached through the Chrome on `port`. Storage is not reset, so the tab's
 * session survives; the HTTP cache is cleared first, so every run loads every byte as a first visit would.
 */
export class LighthouseAudit {
  private kept = 0;

  private constructor(
    private readonly browser: Browser,
    private readonly page: Page,
    private readonly port: number,
  ) {}

  static async attach(port: number, origin: string, cleanup: Cleanup): Promise<LighthouseAudit> {
    const browser = await puppeteer.connect({
      browserURL: `http://127.0.0.1:${port}`,
      defaultViewport: null,
    });
    cleanup.add('Lighthouse connection', () => browser.disconnect());
    const page = (await browser.pages()).find((p) => p.url().startsWith(origin));
    if (!page) {
      throw new Error(`No tab on ${origin} to run Lighthouse in`);
    }
    return new LighthouseAudit(browser, page, port);
  }

  /**
   * Each page `runs` times, the pages taking turns so that both see the same load on the machine, after one
   * discarded warm-up run each (the API and Chrome start cold); the median run of each by performance score
   * (Lighthouse's own advice for variance).
   */
  async medians(urls: readonly string[], runs: number): Promise<Median[]> {
    for (const url of urls) {
      await this.run(url);
    }
    const all = urls.map((): LighthouseFigures[] => []);
    for (let i = 0; i < runs; i++) {
      for (const [j, url] of urls.entries()) {
        all[j]!.push(await this.run(url));
      }
    }
    return all.map((results) => {
      const sorted = [...results].sort((a, b) => a.performance - b.performance);
      return { ...sorted[Math.floor((sorted.length - 1) / 2)]!, scores: results.map((r) => r.performance) };
    });
  }

  /** `BENCH_LIGHTHOUSE_REPORTS=<dir>` keeps each run's full report (open it in Lighthouse's report viewer). */
  private async keep(lhr: object, url: string): Promise<void> {
    const dir = process.env.BENCH_LIGHTHOUSE_REPORTS;
    if (dir) {
      this.kept += 1;
      const name = `${new URL(url).pathname.replace(/\W+/g, '-').replace(/^-|-$/g, '')}-${this.kept}.json`;
      await mkdir(dir, { recursive: true });
      await writeFile(join(dir, name), JSON.stringify(lhr));
    }
  }

  async run(url: string): Promise<LighthouseFigures> {
    const cdp = await this.page.createCDPSession();
    await cdp.send('Network.clearBrowserCache');
    await cdp.detach();
    const result = await lighthouse(
      url,
      {
        port: this.port,
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility'],
        disableStorageReset: true,
      },
      undefined,
      this.page,
    );
    const lhr = result?.lhr;
    if (!lhr || lhr.runtimeError) {
      throw new Error(`Lighthouse failed on ${url}: ${lhr?.runtimeError?.message ?? 'no result'}`);
    }
    await this.keep(lhr, url);
    if (new URL(lhr.finalDisplayedUrl).pathname !== new URL(url).pathname) {
      throw new Error(`Lighthouse on ${url} ended on ${lhr.finalDisplayedUrl}: the session did not survive`);
    }
    const metric = (id: string) => {
      const value = lhr.audits[id]?.numericValue;
      if (value === undefined) {
        throw new Error(`Lighthouse on ${url} has no ${id}`);
      }
      return value;
    };
    const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
    return {
      performance: score('performance'),
      accessibility: score('accessibility'),
      fcp: metric('first-contentful-paint'),
      lcp: metric('largest-contentful-paint'),
      tbt: metric('total-blocking-time'),
      cls: metric('cumulative-layout-shift'),
      warnings: lhr.runWarnings.map(String),
      lighthouseVersion: lhr.lighthouseVersion,
      benchmarkIndex: Math.round(lhr.environment.benchmarkIndex),
    };
  }
}
