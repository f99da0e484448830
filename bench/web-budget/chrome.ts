import { DEMO_MFA_CODE } from '@rowan/sandbox';
import { launch, type LaunchedChrome } from 'chrome-launcher';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Cleanup } from './cleanup';
import type { BenchParent } from './seed';

/**
 * Debian's Chromium started by chrome-launcher (as Lighthouse expects), headless, never a downloaded browser;
 * killed (and its profile removed) by `cleanup`.
 */
export async function startChrome(cleanup: Cleanup): Promise<LaunchedChrome> {
  const chromePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromePath)) {
    throw new Error(`No Chromium at ${chromePath}: apt-get install -y chromium, or set CHROMIUM_PATH`);
  }
  const chrome = await launch({
    chromePath,
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-component-update',
      '--disable-sync',
    ],
    logLevel: 'silent',
    // The bench's own signal handler kills Chrome after the rest of the clean-up, not before it.
    handleSIGINT: false,
  });
  cleanup.add('Chrome', async () => chrome.kill());
  return chrome;
}

/** Playwright over CDP on that Chrome; disconnecting leaves Chrome running for Lighthouse. */
export async function connectPlaywright(chrome: LaunchedChrome, cleanup: Cleanup): Promise<Browser> {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${chrome.port}`);
  cleanup.add('Playwright connection', () => browser.close());
  return browser;
}

/**
 * Signs the parent in through the real flow (the SPA's sign-in page, the identity provider's password and code
 * pages, the OIDC callback) in a tab of Chrome's default profile. The session lives in that tab's session
 * storage, so the bench measures in this same tab.
 */
export async function signInParent(browser: Browser, webUrl: string, parent: BenchParent): Promise<Page> {
  const context = browser.contexts()[0];
  if (!context) {
    throw new Error('Chrome has no default browser context');
  }
  const page = await context.newPage();
  await page.goto(webUrl);
  await page.getByRole('heading', { name: 'Sign in to Rowan' }).waitFor();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel('Email address').fill(parent.email);
  await page.getByLabel('Password').fill(parent.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel('Verification code').fill(DEMO_MFA_CODE);
  await page.getByRole('button', { name: 'Verify' }).click();
  await page.waitForURL((url) => url.origin === webUrl && url.pathname.startsWith('/parent'));
  await page.getByRole('heading', { level: 1 }).waitFor();
  return page;
}
