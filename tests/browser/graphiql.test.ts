// GraphiQL in a real browser (Debian's chromium, driven by puppeteer-core) with the network limited
// to 127.0.0.1: the page renders from our own assets, an example tab runs and shows data, and the
// explorer panel opens. A screenshot is saved as tests/artifacts/graphiql.png.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Running, root, startApp } from '../helpers/server.ts';

const chromium = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (path): path is string => Boolean(path && existsSync(path)),
);
// CI installs chromium (.ci/run) and must run this; elsewhere it runs wherever chromium is found.
const mustRun = process.env.CI === 'true';
const run = inject('engine') === 'sqlite' && (chromium !== undefined || mustRun);

describe.runIf(run)('GraphiQL in a browser', () => {
  let server: Running;
  let browser: Browser;
  beforeAll(async () => {
    if (!chromium) throw new Error('chromium not found: apt-get install chromium, or set CHROMIUM_PATH');
    server = await startApp();
    browser = await puppeteer.launch({
      executablePath: chromium,
      headless: true,
      // As root in a container, without the background traffic a closed network refuses.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('renders offline, runs an example tab, opens the explorer', async () => {
    const page = await browser.newPage();
    await page.setViewport({ width: 1400, height: 900 });
    const problems: string[] = [];
    const elsewhere: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${(error as Error).message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    // Only 127.0.0.1: anything else (a CDN) is refused, and recorded.
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.hostname === '127.0.0.1' || url.protocol === 'data:' || url.protocol === 'blob:') {
        void request.continue();
      } else {
        elsewhere.push(request.url());
        void request.abort();
      }
    });

    await page.goto(`${server.url}/graphql`, { waitUntil: 'networkidle0', timeout: 30_000 });
    await page.waitForSelector('.graphiql-container', { timeout: 20_000 });
    const tabs = await page.$$eval('.graphiql-tab-button', (buttons) => buttons.map((b) => b.textContent));
    expect(tabs).toEqual(['AppDetail', 'CmsPull', 'AnalystOverlaps', 'Screening', 'Search']);

    const buttons = await page.$$('.graphiql-tab-button');
    const screening = buttons[tabs.indexOf('Screening')];
    // A DOM click: the tabs are drag-to-reorder items, which take a synthetic mouse press for a drag.
    await screening?.evaluate((button) => (button as HTMLButtonElement).click());
    await page.waitForFunction(
      () => document.querySelector('.graphiql-query-editor')?.textContent?.includes('screenTreatments'),
      { timeout: 10_000 },
    );
    // GraphiQL takes a moment to adopt the new tab's operation name: a run right after switching
    // may answer "Cannot infer operation"; a person would press Run again, and so does this test.
    let answered = false;
    for (let attempt = 0; attempt < 10 && !answered; attempt++) {
      await page.click('.graphiql-execute-button');
      answered = await page
        .waitForFunction(
          () => document.querySelector('.result-window')?.textContent?.includes('CONTRAINDICATED'),
          {
            timeout: 1_500,
          },
        )
        .then(
          () => true,
          () => false,
        );
    }
    expect(answered).toBe(true);
    const result = await page.$eval('.result-window', (element) => element.textContent ?? '');
    expect(result).toMatch(/"screenTreatments"/);
    // Monaco lays text out with no-break spaces.
    expect(result).toMatch(/"slug":\s+"mesolift"/);

    await page.click('button[aria-label="Show GraphiQL Explorer"]');
    await page.waitForFunction(
      () => /Explorer/.test(document.querySelector('.graphiql-plugin')?.textContent ?? ''),
      {
        timeout: 10_000,
      },
    );
    const explorer = await page.$eval('.graphiql-plugin', (element) => element.textContent ?? '');
    // Click-to-build: the root fields are listed.
    expect(explorer).toMatch(/treatment/);

    const artifacts = join(root, 'tests', 'artifacts');
    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, 'graphiql.png') });
    expect(existsSync(join(artifacts, 'graphiql.png'))).toBe(true);

    expect(elsewhere).toEqual([]);
    expect(problems).toEqual([]);
  }, 90_000);
});
