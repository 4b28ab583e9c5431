// Launches headless Debian chromium through playwright-core, signs in through the login page, and opens and approves inbox tasks.
import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { ARTIFACTS_DIR, BASE_URL, CHROMIUM_PATH, DEMO_PASSWORD } from './env';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
}

/** What a describe block's tests share: one browser, one page on it, and what to undo afterwards. */
export interface BrowserSession {
  readonly browser: Browser;
  readonly page: Page;
  /** Registers clean-up for after the block (say, cancelling a run a test started); its failure is ignored. */
  afterwards(undo: () => Promise<void>): void;
}

/**
 * Launches a browser with one page before the block's tests and, after them, runs the registered
 * clean-up and closes the browser. Call it at the top of a `describe`.
 */
export function useBrowser(): BrowserSession {
  let browser: Browser | undefined;
  let page: Page | undefined;
  const undos: (() => Promise<void>)[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
    page = await newPage(browser);
  });
  afterAll(async () => {
    for (const undo of undos) await undo().catch(() => undefined);
    await browser?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('useBrowser: read the session inside a test, after beforeAll');
    return value;
  };
  return {
    get browser() {
      return started(browser);
    },
    get page() {
      return started(page);
    },
    afterwards(undo) {
      undos.push(undo);
    },
  };
}

/** A new page in its own context (its own localStorage), with a wide viewport; `options` adds to the context's (a time zone). */
export async function newPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ baseURL: BASE_URL, viewport: { width: 1400, height: 1000 }, ...options });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return page;
}

export async function signIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('current-user').waitFor();
}

/** Saves a screenshot under e2e/artifacts (for a failing test, or to look at the page). */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const path = `${ARTIFACTS_DIR}${name}.png`;
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Signs in as `username`, opens the inbox and returns the card of task `taskId` once shown. */
export async function openInboxTask(page: Page, username: string, taskId: string): Promise<Locator> {
  await signIn(page, username);
  await page.goto('/inbox');
  const card = page.getByTestId(`task-${taskId}`);
  await card.waitFor();
  return card;
}

/** Approves the task of `card` and waits for the card to leave the inbox; if it stays, leaves screenshot `name`. */
export async function approveTask(page: Page, card: Locator, name: string): Promise<void> {
  await card.getByRole('button', { name: 'Approve' }).click();
  try {
    await card.waitFor({ state: 'detached' });
  } catch (error) {
    await screenshot(page, name);
    throw error;
  }
}

