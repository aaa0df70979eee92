import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEnv } from '../../src/config/env.ts';
import { createCore } from '../../src/create-core.ts';
import type { GomezCore } from '../../src/core.ts';
import { setLogLevel } from '../../src/log.ts';
import { QuestionLog } from '../../src/store/questions.ts';
import type { StateStore } from '../../src/store/state.ts';
import { createWebHandler, type WebHandler } from '../../src/web/routes.ts';
import { startWebServer, type RunningWebServer } from '../../src/web/web-server.ts';
import { REPO_CORPUS } from '../corpus/fixtures.ts';
import { openTestStore, TEST_STORE_MODE } from '../store/test-store.ts';

/** Debian's Chromium (.ci/run installs it); Playwright never downloads a browser of its own here. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TOKEN = 'browser-test-insights-token-42';
const DOCS = new URL('../../docs/', import.meta.url).pathname;
/** The docs' screenshots come from the SQLite run: the PostgreSQL run of this file would race it for the same files. */
const docsImage = (name: string) => (TEST_STORE_MODE === 'sqlite' ? { path: join(DOCS, name) } : {});

if (!existsSync(CHROMIUM)) {
  // Loud, not skipped: CI installs Chromium, so a missing browser there is a failure.
  throw new Error(`Chromium not found at ${CHROMIUM}: install it with "apt-get install -y chromium" (.ci/run does) or set CHROMIUM_PATH.`);
}

describe('the transcript viewer and insights page in a real browser (Chromium via playwright-core)', () => {
  let browser: Browser;
  let server: RunningWebServer;
  let base: string;
  let core: GomezCore;
  let store: StateStore;

  beforeAll(async () => {
    setLogLevel('silent');
    store = await openTestStore({ prefix: 'gomez-browser-' });
    let handler: WebHandler = async (_req, res) => void res.end();
    server = await startWebServer((req, res) => handler(req, res), 0, '127.0.0.1');
    base = `http://127.0.0.1:${server.port}`;
    // The core needs PUBLIC_URL, which needs the port: the server starts first and gets its handler after.
    core = await createCore({ corpusDir: REPO_CORPUS, env: readEnv({ PUBLIC_URL: base, LOG_LEVEL: 'silent' }) });
    handler = createWebHandler({ corpus: core.corpus, store, insightsToken: TOKEN });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu'],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
  });

  it('opens a quote link scrolled to the highlighted quote, with its translation beside it and the host question before it', async () => {
    const answer = await core.ask('What did Gomez say about synthetic data?');
    const quote = answer.quotes[0]!;
    expect(quote.source.link).toMatch(new RegExp(`^${base}/transcripts/`));
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const outside: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(base)) outside.push(r.url());
    });
    await page.goto(quote.source.link!);

    const id = new URL(quote.source.link!).hash.slice(1);
    const mark = page.locator(`[id="${id}"]`);
    expect(await mark.evaluate((el) => el.tagName)).toBe('MARK');
    expect(await mark.textContent()).toBe(quote.text);
    await expect.poll(() => mark.isVisible()).toBe(true);
    // In view: the browser scrolled to the fragment.
    const box = await mark.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y + Math.min(box!.height, 50)).toBeLessThanOrEqual(900);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);

    // The translation sits in the same row, beside the original, highlighted too.
    const row = mark.locator('xpath=ancestor::div[contains(@class, "row")][1]');
    const translation = (await row.locator('.english .t.hl').allTextContents()).join(' ');
    expect(translation).toBe(quote.translation);
    const [originalBox, englishBox] = [await row.locator('.original').boundingBox(), await row.locator('.english').boundingBox()];
    expect(englishBox!.x).toBeGreaterThan(originalBox!.x + originalBox!.width - 1);

    // The host's question comes before it, marked as the question it answers.
    const asked = page.locator('.row.asked');
    expect(await asked.count()).toBe(1);
    expect(await asked.getAttribute('data-role')).toBe('host');
    expect(await asked.textContent()).toContain('The question the highlighted quote answers');
    const precedes = await page.evaluate((markId) => {
      const q = document.querySelector('.row.asked')!;
      const m = document.getElementById(markId)!;
      return Boolean(q.compareDocumentPosition(m) & Node.DOCUMENT_POSITION_FOLLOWING);
    }, id);
    expect(precedes).toBe(true);

    expect(outside).toEqual([]);
    mkdirSync(DOCS, { recursive: true });
    await page.screenshot(docsImage('viewer.png'));
    await page.close();
  });

  it('has landmarks and works from the keyboard: the skip link is the first Tab stop and leads into main', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/transcripts/20vc-aidan-gomez`);
    expect(await page.locator('header.banner').count()).toBe(1);
    expect(await page.locator('main#main').count()).toBe(1);
    expect(await page.locator('footer').count()).toBe(1);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.close();
  });

  it('reads well on a phone: one column, no sideways scrolling', async () => {
    const answer = await core.ask('Gomez怎么看数据质量?');
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
    await page.goto(answer.quotes[0]!.source.link!);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const mark = page.locator('mark.quote');
    await expect.poll(() => mark.isVisible()).toBe(true);
    await page.close();
  });

  it('refuses the insights page without its token and shows it with it', async () => {
    const questions = new QuestionLog(store.questions);
    await questions.add({ surface: 'discord', userId: '123456789012345678', question: 'What did Gomez say about Bitcoin?', outcome: 'refused' });
    await questions.add({ surface: 'slack', userId: 'UALICE', question: 'What did he say about data quality?', outcome: 'answered', topic: 'Data quality matters' });
    await store.feedback.record({ answerId: 'a1', userId: 'UBOB', platform: 'slack', vote: -1, question: 'Is scale all you need?', answer: 'Gomez says scale is not the only way.' });

    const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    const refused = await page.goto(`${base}/insights`);
    expect(refused!.status()).toBe(401);
    expect(await page.textContent('body')).toContain('INSIGHTS_TOKEN');
    expect((await page.goto(`${base}/insights?token=not-the-token`))!.status()).toBe(401);

    const shown = await page.goto(`${base}/insights?token=${TOKEN}`);
    expect(shown!.status()).toBe(200);
    const body = (await page.textContent('main'))!;
    expect(body).toContain('What did Gomez say about Bitcoin?');
    expect(body).toContain('Is scale all you need?');
    expect(body).toContain('Data quality matters');
    expect(body).not.toContain('123456789012345678');
    expect(body).not.toContain('UBOB');
    await page.screenshot({ ...docsImage('insights.png'), fullPage: true });
    await page.close();
  });
});
