/**
 * The API reads each page of the side navigation makes when it opens (its default view, every tab included), keyed
 * by the module registry key. Paths are under /api/v1 and may hold placeholders the checks fill in per user:
 * `{region}` (the user's default region: that of /indicators/home, else her jurisdiction or county, else 000000),
 * `{unit}` (the units a region is looked at by: a county's institutions, else counties), `{year}` (this calendar
 * year), `{reportYear}` and `{lastReportYear}` (the report year of /indicators/home and the one before: the defaults
 * of the indicator pages).
 *
 * What this is for: the navigation shows a page to a role only when the server answers every one of these reads
 * for that role. `nav-access.int.test.ts` logs in as every role and checks it against the real server (no 403, no
 * 5xx for a role that sees the page; a 403 for a role that does not), and `e2e/smoke.spec.ts` checks in the
 * browser that a page reads nothing that is missing here (so the list cannot fall behind the pages).
 *
 * Reads the page makes only for some users are listed with `if`: the permission the page checks before it asks.
 * Reads every logged-in user may make (session, regions, institution pickers) are not listed.
 */
export interface PageLoad {
  path: string;
  /** The page makes this read only for users with this permission. */
  if?: string;
}

/** Reads any logged-in user may make; pages use them through shared pickers, so they are not listed per page. */
export const SHARED_READS: readonly RegExp[] = [/^\/auth\//, /^\/regions(\/|$)/, /^\/institutions(\/|$)/];

/**
 * Configuration pages whose reads every logged-in user may make: what the navigation asks for them is the permission
 * to change what they show (schedules, targets, quality rules), so a role without it is not shown them although the
 * server would answer the reads.
 */
export const CONFIGURATION_PAGES: ReadonlySet<string> = new Set([
  'maternal-schedules',
  'indicator-targets-admin',
  'quality-rules',
]);

const indicatorHome: PageLoad = { path: '/indicators/home' };
const catalogue: PageLoad = { path: '/indicators/catalogue' };
const qualityHome: PageLoad = { path: '/quality/home' };

export const PAGE_LOADS: Record<string, readonly PageLoad[]> = {
  home: [
    { path: '/indicators/home', if: 'indicator.read' },
    { path: '/indicators/dashboard?regionCode={region}&period={reportYear}RY&basis=default', if: 'indicator.read' },
    { path: '/indicators/compare?regionCode={region}&period={reportYear}RY', if: 'indicator.read' },
    { path: '/high-risk-reports', if: 'care.supervise' },
    { path: '/maternal-worklist', if: 'care.read' },
    { path: '/child-worklist', if: 'care.read' },
  ],
  people: [{ path: '/people?q=%E6%9E%97&page=1&pageSize=20' }],
  'person-register': [],
  maternal: [{ path: '/maternal-worklist' }, { path: '/maternal-alerts', if: 'care.supervise' }],
  'maternal-high-risk': [{ path: '/high-risk-cases?page=1&pageSize=20' }],
  'maternal-deaths': [{ path: '/maternal-deaths' }, { path: '/perinatal-deaths' }],
  'maternal-schedules': [{ path: '/maternal/schedules' }],
  'child-worklist': [{ path: '/child-worklist?horizon=14' }],
  children: [{ path: '/children?page=1&pageSize=20' }],
  'child-cases': [{ path: '/child-cases?page=1&pageSize=20' }],
  'child-deaths': [{ path: '/child-deaths?pageSize=100' }, { path: '/child-alerts', if: 'care.supervise' }],
  'childcare-facilities': [{ path: '/childcare-facilities?year={year}' }],
  'newborn-screening-missed': [{ path: '/newborn-screening/missed' }],
  'women-cancer-screenings': [{ path: '/cancer-screenings?page=1&pageSize=20' }],
  'women-cancer-cases': [{ path: '/cancer-screening-cases?page=1&pageSize=20' }],
  'women-cancer-coverage': [
    { path: '/cancer-screenings/coverage?year={year}' },
    { path: '/cancer-screening-targets?year={year}' },
  ],
  'women-premarital': [{ path: '/premarital-exams?page=1&pageSize=20' }],
  'women-preconception': [{ path: '/preconception-checks?page=1&pageSize=20' }],
  'women-thalassaemia': [
    { path: '/thalassaemia-tests?page=1&pageSize=20' },
    { path: '/thalassaemia-couples?page=1&pageSize=20' },
  ],
  'women-gyn-pelvic': [
    { path: '/gyn-survey-campaigns' },
    { path: '/gyn-survey-exams?page=1&pageSize=20' },
    { path: '/pelvic-floor-screenings?page=1&pageSize=20' },
  ],
  'women-family-planning': [
    { path: '/family-planning-services?page=1&pageSize=20' },
    { path: '/contraceptive-stock/balances' },
    { path: '/contraceptive-stock/movements?page=1&pageSize=20' },
    { path: '/post-abortion-care?page=1&pageSize=20' },
  ],
  'women-birth-defects': [
    { path: '/birth-defect-reports/rate?year={year}&period=calendar' },
    { path: '/birth-defect-reports?page=1&pageSize=20' },
    { path: '/birth-defect-reports/unreported?page=1&pageSize=20' },
    { path: '/aid-applications?page=1&pageSize=20' },
  ],
  'women-programmes': [{ path: '/programmes/progress?year={year}' }],
  'indicator-dashboard': [
    indicatorHome,
    catalogue,
    { path: '/indicators/dashboard?regionCode={region}&period={reportYear}RY&basis=default' },
    {
      path: '/indicators/trend?indicatorId=maternal_systematic_management_rate&regionCode={region}&period={reportYear}RY&basis=default',
    },
    {
      path: '/indicators/ranking?indicatorId=maternal_systematic_management_rate&regionCode={region}&period={reportYear}RY&basis=default',
    },
  ],
  'indicator-explore': [
    indicatorHome,
    catalogue,
    {
      path: '/indicators/values/maternal_systematic_management_rate?regionCode={region}&period={reportYear}RY&basis=default',
    },
  ],
  'indicator-targets': [
    indicatorHome,
    catalogue,
    { path: '/indicator-targets/applied?regionCode={region}&year={reportYear}' },
  ],
  'indicator-targets-admin': [
    { path: '/indicators/home', if: 'indicator.read' },
    catalogue,
    { path: '/indicator-targets/applied?regionCode={region}&year={reportYear}' },
  ],
  'annual-report': [indicatorHome, { path: '/reports/annual?regionCode={region}&year={lastReportYear}' }],
  'accountability-lagging': [
    indicatorHome,
    catalogue,
    {
      path: '/accountability/lagging?regionCode={region}&period={lastReportYear}RY&unit={unit}&include=missed&basis=default',
    },
    { path: '/accountability/notices?regionCode={region}&pageSize=50' },
  ],
  'accountability-summons': [indicatorHome, catalogue, { path: '/accountability/summons?page=1&pageSize=20' }],
  quality: [
    qualityHome,
    { path: '/quality/runs?regionCode={region}&page=1&pageSize=10' },
    { path: '/quality/scores?regionCode={region}&groupBy=county' },
    { path: '/quality/trend?regionCode={region}&days=90' },
    { path: '/quality/rule-summary?regionCode={region}' },
  ],
  'quality-rules': [
    { path: '/quality/home', if: 'quality.read' },
    { path: '/quality/rules?regionCode={region}' },
    { path: '/quality/config?regionCode={region}' },
  ],
  'work-plans': [{ path: '/work-plans' }, { path: '/work-plans/my-tasks' }, catalogue],
  institutions: [],
  regions: [],
  users: [{ path: '/users?page=1&pageSize=20' }],
  audit: [{ path: '/audit/events' }],
};

/** A declared path as a pattern of the path part (placeholders and `:params` match one segment). */
export function loadPattern(path: string): RegExp {
  const bare = path.split('?')[0] ?? path;
  const escaped = bare
    .split('/')
    .map((seg) =>
      seg
        .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        .replace(/\\\{\w+\\\}/g, '[^/]+')
        .replace(/^:\w+$/, '[^/]+'),
    )
    .join('/');
  return new RegExp(`^${escaped}$`);
}

/** Whether a GET of `pathname` (under /api/v1) made by the page `key` is declared for it or shared. */
export function isDeclaredRead(key: string, pathname: string): boolean {
  if (SHARED_READS.some((re) => re.test(pathname))) return true;
  return (PAGE_LOADS[key] ?? []).some((l) => loadPattern(l.path).test(pathname));
}
