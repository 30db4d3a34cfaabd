import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { describe, it } from "vitest";

/** Debian's Chromium; `.ci/run` installs it. */
export const CHROMIUM_PATH = "/usr/bin/chromium";

export const hasBrowser = existsSync(CHROMIUM_PATH);

const missingBrowser = `${CHROMIUM_PATH} is missing: install Debian's chromium package (.ci/run does)`;

/**
 * `describe` for browser tests: skipped on a machine without Chromium, except in CI (`CI=true`),
 * where a missing browser is a failed test instead of a silent pass.
 */
export function describeBrowser(name: string, body: () => void): void {
  if (hasBrowser) describe(name, body);
  else if (process.env.CI === "true") {
    describe(name, () => {
      it(`finds Chromium at ${CHROMIUM_PATH}`, () => {
        throw new Error(missingBrowser);
      });
    });
  } else describe.skip(name, body);
}

// Without the background-networking flags Chromium keeps dialling Google's hosts, which this network refuses.
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** Headless Chromium with a fresh, empty profile that is removed on close. */
export async function openBrowser(): Promise<BrowserSession> {
  if (!hasBrowser) {
    throw new Error(missingBrowser);
  }
  const userDataDir = await mkdtemp(join(tmpdir(), "hindsight-chromium-"));
  try {
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
    });
    const page = context.pages()[0] ?? (await context.newPage());
    return {
      context,
      page,
      close: async () => {
        await context.close();
        await rm(userDataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }
}

export interface BrowserPool {
  browser: Browser;
  /** A page in a context of its own (own cookies, so its own signed-in user), `width` px wide. */
  newPage(options?: { width?: number; height?: number; timezoneId?: string }): Promise<Page>;
  close(): Promise<void>;
}

/** Headless Chromium for tests that need several independent users (one context each). */
export async function launchBrowser(): Promise<BrowserPool> {
  if (!hasBrowser) {
    throw new Error(missingBrowser);
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  return {
    browser,
    newPage: async ({ width = 1280, height = 800, timezoneId = "UTC" } = {}) => {
      const context = await browser.newContext({ viewport: { width, height }, locale: "en-GB", timezoneId });
      return context.newPage();
    },
    close: () => browser.close(),
  };
}
