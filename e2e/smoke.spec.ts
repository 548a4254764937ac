import { expect, test, type Page } from '@playwright/test';
import { isDeclaredRead } from '../packages/web/src/app/page-loads';
import { AppShell } from './pages/app-shell.page';
import { LoginPage } from './pages/login.page';

/**
 * Smoke test of every page a role is shown: for each demo login, open each entry of its side navigation and check
 * that the page gets what it asks for (no 403 and no 5xx from /api), logs no console error, shows its heading rather
 * than an error screen, and reads nothing that packages/web/src/app/page-loads.ts does not list for it (the list the
 * integration test nav-access.int.test.ts checks every role's navigation against).
 * Then the English UI of a few pages: no Chinese or raw message key in the page's own labels.
 */

/** The demo logins of README.md (every role at least once). */
const DEMO_LOGINS = ['sysadmin', 'secadmin', 'auditor', 'city-stat', 'county-mch', 'city-wjw', 'clinic', 'clinic2'];

const API = '/api/v1';

/** Watches a page: refused or failed /api responses, undeclared reads, console errors, /api calls in flight. */
function watch(page: Page) {
  const problems: string[] = [];
  let inFlight = 0;
  let lastChange = Date.now();
  let where = '';
  const apiPath = (url: string) => {
    const p = new URL(url).pathname;
    return p.startsWith('/api/') ? p : null;
  };
  page.on('request', (r) => {
    const p = apiPath(r.url());
    if (!p) return;
    inFlight++;
    lastChange = Date.now();
    if (where && r.method() === 'GET' && p.startsWith(`${API}/`) && !isDeclaredRead(where, p.slice(API.length)))
      problems.push(`${where}: GET ${p} is not listed in page-loads.ts`);
  });
  const done = (url: string) => {
    if (!apiPath(url)) return;
    inFlight--;
    lastChange = Date.now();
  };
  page.on('requestfinished', (r) => done(r.url()));
  page.on('requestfailed', (r) => done(r.url()));
  page.on('response', (r) => {
    const p = apiPath(r.url());
    if (p && (r.status() >= 500 || r.status() === 403))
      problems.push(`${where}: ${r.request().method()} ${p}${new URL(r.url()).search} → ${r.status()}`);
  });
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    // a failed /api request is judged by its status above (the browser logs every 4xx as a console error)
    if (m.text().startsWith('Failed to load resource') && apiPath(m.location().url || 'http://x/')) return;
    problems.push(`${where}: console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`${where}: page error: ${e.message}`));
  return {
    problems,
    at(key: string) {
      where = key;
    },
    /** Resolves once no /api call has been in flight for a moment. */
    async settled(quietMs = 300, timeoutMs = 20_000) {
      const start = Date.now();
      while (Date.now() - start < timeoutMs) {
        if (inFlight <= 0 && Date.now() - lastChange >= quietMs) return;
        await page.waitForTimeout(50);
      }
      problems.push(`${where}: /api calls still in flight after ${timeoutMs} ms`);
    },
  };
}

/** The entries of the side navigation, in order: registry key and link. */
async function navEntries(page: Page): Promise<{ key: string; href: string }[]> {
  return page
    .getByTestId('side-nav')
    .locator('a[data-testid^="nav-"]')
    .evaluateAll((els) =>
      els.map((e) => ({
        key: (e.getAttribute('data-testid') ?? '').replace(/^nav-/, ''),
        href: e.getAttribute('href') ?? '',
      })),
    );
}

const content = (page: Page) => page.locator('main.ant-layout-content');
const ERROR_SCREEN = '.ant-result-403, .ant-result-404, .ant-result-500, .ant-result-error, .ant-alert-error';

/** Opens an entry from the side navigation and waits until its page has loaded what it asks for. */
async function openPage(page: Page, w: ReturnType<typeof watch>, entry: { key: string; href: string }) {
  w.at(entry.key);
  await new AppShell(page).open(entry.key);
  await expect(page).toHaveURL((u) => u.pathname === entry.href);
  const main = content(page);
  await expect.soft(main.getByRole('heading').first(), `${entry.key}: heading`).toBeVisible();
  await w.settled();
  await expect.soft(main.locator(ERROR_SCREEN), `${entry.key}: error screen`).toHaveCount(0);
}

for (const username of DEMO_LOGINS) {
  test(`${username}: every page of the side navigation loads without refusal or error`, async ({ page }) => {
    await new LoginPage(page).loginAs(username);
    const w = watch(page);
    const entries = await navEntries(page);
    expect(entries.length, 'the home page and at least one more').toBeGreaterThan(1);
    for (const entry of entries) await openPage(page, w, entry);
    expect(w.problems, `pages: ${entries.map((e) => e.key).join(', ')}`).toEqual([]);
  });
}

/** Labels of the page itself (not data): texts that must be English in the English UI. */
const LABELS = [
  'main h4:not([data-testid="home-greeting"])',
  'main th',
  'main button',
  'main .ant-tabs-tab',
  'main .ant-form-item-label label',
  'main .ant-segmented-item-label',
  'main .ant-radio-button-wrapper',
  'main .ant-empty-description',
  'aside .ant-menu-title-content',
  'aside .ant-menu-item-group-title',
].join(', ');

test('the English UI: no Chinese or raw message key in the labels of the main pages', async ({ page }) => {
  await new LoginPage(page).loginAs('county-mch');
  await page.getByTestId('lang-switch').getByText('EN').click();
  const w = watch(page);
  const all = await navEntries(page);
  const keys = ['home', 'maternal', 'children', 'women-cancer-cases', 'women-thalassaemia', 'indicator-dashboard'];
  const found: string[] = [];
  for (const key of [...keys, 'quality', 'work-plans', 'women-programmes']) {
    const entry = all.find((e) => e.key === key);
    if (!entry) {
      found.push(`${key}: not in the navigation of county-mch`);
      continue;
    }
    await openPage(page, w, entry);
    const texts = await page.locator(LABELS).allInnerTexts();
    const placeholders = await page
      .locator('main input[placeholder]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('placeholder') ?? ''));
    for (const t of [...texts, ...placeholders].map((x) => x.trim()).filter(Boolean)) {
      if (/[\u4e00-\u9fff]/.test(t) || /^[a-z]+(\.[a-zA-Z]+)+$/.test(t)) found.push(`${key}: “${t}”`);
    }
  }
  expect([...new Set(found)]).toEqual([]);
  expect(w.problems).toEqual([]);
  await page.getByTestId('lang-switch').getByText('中文').click();
});
