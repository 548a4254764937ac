import { expect, test } from '@playwright/test';
import { DashboardPage, MembersPage, TargetsPage } from './pages/indicators.page';
import { LoginPage } from './pages/login.page';

test('the county supervisor opens her dashboard, finds an indicator below target and opens a missed woman', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const dashboard = new DashboardPage(page);
  const members = new MembersPage(page);

  await test.step('county-mch logs in; the start page shows her county and her open duties', async () => {
    await new LoginPage(page).loginAs('county-mch');
    await expect(page.getByTestId('landing-county')).toContainText('定海区');
    await expect(page.getByTestId('landing-duties')).toContainText('待确认的高危报告');
    await page.getByTestId('landing-dashboard').click();
  });

  const sm = dashboard.card('maternal_systematic_management_rate');
  await test.step('the dashboard of 定海区 for the current report year: systematic management is below target', async () => {
    await expect(page.getByTestId('data-as-of').first()).toContainText('数据截至');
    await expect(page.getByText(/定海区 · \d{4}报告年度/)).toBeVisible();
    await dashboard.showNotMet();
    await expect(dashboard.notMetCards().first()).toBeVisible();
    await expect(sm).toHaveAttribute('data-evaluation', 'not_met');
    await expect(sm.getByTestId('status-not_met')).toHaveText('未达标');
    await expect(sm.getByTestId('card-target')).toContainText('≥ 93');
    await sm.click();
    await expect(dashboard.trendChart()).toContainText('孕产妇系统管理率');
    await expect(dashboard.rankingChart()).toContainText('机构排名');
  });

  let name = '';
  await test.step('one click to the women who were missed', async () => {
    await dashboard.drillDown(sm);
    await expect(page).toHaveURL(/\/indicators\/maternal_systematic_management_rate\/members\?.*list=missed/);
    await expect(members.listSwitch()).toContainText('未达到者');
    await expect(members.rows().first()).toBeVisible();
    const first = members.rows().first();
    // masked ID: the first six digits are the woman's hukou, which for a non-resident woman is not 定海区
    await expect(first).toContainText(/\d{6}\*{8}\d{3}[\dX]/);
    name = (await first.getByTestId('member-link').textContent()) ?? '';
    expect(name.length).toBeGreaterThan(1);
  });

  await test.step('opens one: her maternal record', async () => {
    await members.openFirst();
    await expect(page).toHaveURL(/\/maternal\/women\//);
    await expect(page.getByTestId('woman-title')).toHaveText(name);
  });
});

test('the city statistician sees the counties side by side; targets show what is inherited', async ({ page }) => {
  await new LoginPage(page).loginAs('city-stat');
  const table = page.getByTestId('compare-table');
  await expect(table).toBeVisible();
  for (const county of ['定海区', '普陀区', '岱山县', '嵊泗县']) await expect(table).toContainText(county);
  await expect(table.locator('[data-evaluation="not_met"]').first()).toBeVisible();

  await page.getByTestId('landing-dashboard').click();
  const dashboard = new DashboardPage(page);
  await expect(page.getByTestId('data-as-of').first()).toContainText('数据截至');
  await expect(dashboard.rankingChart()).toContainText('下级地区排名');
  const png = page.waitForEvent('download');
  await page.getByTestId('ranking-chart-png').click();
  expect((await png).suggestedFilename()).toMatch(/排名-330900-\d{4}RY\.png$/);
  const xlsx = page.waitForEvent('download');
  await page.getByTestId('dashboard-export').click();
  expect((await xlsx).suggestedFilename()).toMatch(/^指标-舟山市-\d{4}RY\.xlsx$/);

  const targets = new TargetsPage(page);
  await targets.goto('?region=330902');
  const row = targets.row('孕产妇系统管理率');
  await expect(row).toContainText('≥ 93%');
  await expect(row).toContainText('继承 舟山市');
  // a statistician reads targets but does not edit them
  await expect(page.getByTestId('edit-maternal_systematic_management_rate')).toHaveCount(0);
});

test('the sysadmin overrides an inherited target for a county and removes the override again', async ({ page }) => {
  await new LoginPage(page).loginAs('sysadmin');
  const targets = new TargetsPage(page);
  await page.goto('/admin/indicator-targets?region=330902&year=2026');
  await expect(targets.table).toBeVisible();
  const row = targets.row('剖宫产率');
  await expect(row).toContainText('继承 舟山市');

  await row.getByTestId('edit-caesarean_rate').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('当前继承');
  await dialog.getByTestId('target-value').fill('120');
  await dialog.getByTestId('target-save').click();
  await expect(dialog).toContainText('百分比应在0–100之间');
  await expect(dialog).toContainText('请填写目标来源文件');
  await dialog.getByTestId('target-value').fill('40');
  await dialog.getByTestId('target-source').fill('定海区2026年妇幼健康工作要点');
  await dialog.getByTestId('target-save').click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText('≤ 40%');
  await expect(row.getByTestId('origin-own')).toHaveText('本地区设定');

  await row.getByTestId('remove-caesarean_rate').click();
  await expect(page.getByText('删除后将恢复继承上级地区')).toBeVisible();
  await page.getByTestId('confirm-remove').click();
  await expect(row).toContainText('≤ 43%');
  await expect(row).toContainText('继承 舟山市');
});
