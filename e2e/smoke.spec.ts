import { expect, test, type Page, type Request } from '@playwright/test';
import { selectedNavKey } from '../packages/web/src/app/nav';
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

/** The header the page's fetch calls carry in these tests: the route of the page that made the call. */
const ROUTE_HEADER = 'x-smoke-route';

/**
 * Tags every fetch of the app with the route of the page that made it, so that a read is judged against its own page:
 * a page that fires a dependent read late, or refetches, while the test has already moved on must not have it counted
 * against the next page. That is the route the app was on when the call started, except while the page left behind
 * is still shown (its heading still in the document: React keeps it until the next page renders, and it re-renders
 * with the new location meanwhile): then the route it was shown for.
 */
async function tagFetches(page: Page) {
  await page.addInitScript((header) => {
    const HEADING = 'main h1, main h2, main h3, main h4, main h5, main h6, main [role="heading"]';
    let left = { route: '', heading: null as Element | null };
    for (const method of ['pushState', 'replaceState'] as const) {
      const original = history[method].bind(history);
      history[method] = (data: unknown, unused: string, url?: string | URL | null) => {
        if (url != null && new URL(url, location.href).pathname !== location.pathname)
          left = { route: location.pathname, heading: document.querySelector(HEADING) };
        original(data, unused, url);
      };
    }
    const original = window.fetch.bind(window);
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
      headers.set(header, left.heading?.isConnected ? left.route : location.pathname);
      return original(input, { ...init, headers });
    };
  }, ROUTE_HEADER);
}

/**
 * Watches a page: refused or failed /api responses, undeclared reads, console errors, /api calls in flight.
 * `entries` (the side navigation) maps a request's route to the page it belongs to.
 */
function watch(page: Page, entries: readonly { key: string; href: string }[]) {
  const problems: string[] = [];
  const inFlight = new Set<Request>();
  let lastChange = Date.now();
  let where = '';
  const nav = entries.map((e) => ({ key: e.key, path: e.href }));
  const apiPath = (url: string) => {
    const p = new URL(url).pathname;
    return p.startsWith('/api/') ? p : null;
  };
  /** The page a request belongs to: that of its tag (see tagFetches), else (no fetch of the app) the current one. */
  const owner = (r: Request) => {
    const route = r.headers()[ROUTE_HEADER];
    return (route !== undefined && selectedNavKey(nav, route)) || where;
  };
  page.on('request', (r) => {
    const p = apiPath(r.url());
    if (!p) return;
    inFlight.add(r);
    lastChange = Date.now();
    if (r.resourceType() === 'fetch' && r.headers()[ROUTE_HEADER] === undefined)
      problems.push(`${where}: ${r.method()} ${p} carries no ${ROUTE_HEADER} (the attribution of reads is broken)`);
    const key = owner(r);
    if (key && r.method() === 'GET' && p.startsWith(`${API}/`) && !isDeclaredRead(key, p.slice(API.length)))
      problems.push(`${key}: GET ${p} is not listed in page-loads.ts`);
  });
  const done = (r: Request) => {
    if (inFlight.delete(r)) lastChange = Date.now();
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  page.on('response', (r) => {
    const p = apiPath(r.url());
    if (p && (r.status() >= 500 || r.status() === 403))
      problems.push(`${owner(r.request())}: ${r.request().method()} ${p}${new URL(r.url()).search} → ${r.status()}`);
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
        if (inFlight.size === 0 && Date.now() - lastChange >= quietMs) return;
        await page.waitForTimeout(50);
      }
      problems.push(`${where}: /api calls still in flight after ${timeoutMs} ms: ${[...inFlight].map((r) => r.url())}`);
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

/**
 * Time allowed for a login, and for each page after it: generous for a loaded 2-core machine (a page takes a second
 * or two when the machine is idle); the test of a role with 23 pages is then allowed about 4 minutes before it is
 * called hung.
 */
const LOGIN_BUDGET_MS = 30_000;
const PAGE_BUDGET_MS = 10_000;

for (const username of DEMO_LOGINS) {
  test(`${username}: every page of the side navigation loads without refusal or error`, async ({ page }) => {
    test.setTimeout(LOGIN_BUDGET_MS);
    await tagFetches(page);
    await new LoginPage(page).loginAs(username);
    const entries = await navEntries(page);
    expect(entries.length, 'the home page and at least one more').toBeGreaterThan(1);
    test.setTimeout(LOGIN_BUDGET_MS + entries.length * PAGE_BUDGET_MS);
    const w = watch(page, entries);
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
  const keys = ['home', 'maternal', 'children', 'women-cancer-cases', 'women-thalassaemia', 'indicator-dashboard'];
  test.setTimeout(LOGIN_BUDGET_MS + (keys.length + 3) * PAGE_BUDGET_MS);
  await tagFetches(page);
  await new LoginPage(page).loginAs('county-mch');
  await page.getByTestId('lang-switch').getByText('EN').click();
  const all = await navEntries(page);
  const w = watch(page, all);
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
    // a text ending in a figure is data shown in a label's place (a unit's name with its score), not a label
    const isData = (t: string) => /\d(\.\d+)?\s*%?$/.test(t);
    for (const t of [...texts, ...placeholders].map((x) => x.trim()).filter((x) => x && !isData(x))) {
      if (/[\u4e00-\u9fff]/.test(t) || /^[a-z]+(\.[a-zA-Z]+)+$/.test(t)) found.push(`${key}: “${t}”`);
    }
  }
  expect([...new Set(found)]).toEqual([]);
  expect(w.problems).toEqual([]);
  await page.getByTestId('lang-switch').getByText('中文').click();
});
