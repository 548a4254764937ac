import { expect, test } from '@playwright/test';
import { AppShell } from './pages/app-shell.page';
import { LoginPage } from './pages/login.page';
import { AnnualReportPage, SummonsPage } from './pages/reports.page';

test('annual report: the city statistician opens the maternal and child tables and downloads them', async ({
  page,
}) => {
  const report = new AnnualReportPage(page);
  await test.step('she opens 妇幼年报 from the navigation: the maternal table of the last complete year', async () => {
    await new LoginPage(page).loginAs('city-stat');
    await new AppShell(page).open('annual-report');
    await expect(report.card).toContainText('孕产妇保健和健康情况年报表');
    await expect(report.card).toContainText('户籍人口');
    await expect(report.row(report.careSection, '定海区')).toBeVisible();
    await expect(report.row(report.careSection, '舟山市合计')).toBeVisible();
    await expect(page.getByTestId('report-notes')).toContainText('与指标看板一致');
  });

  await test.step('she switches to the child table for the resident population', async () => {
    await report.chooseTable('卫统42');
    await expect(report.card).toContainText('7岁以下儿童保健和健康情况年报表');
    await report.chooseBasis('常住人口');
    await expect(report.card).toContainText('7岁以下儿童保健和健康情况年报表');
    await expect(report.card).toContainText('常住人口');
    await expect(page.getByTestId('report-section-rates')).toContainText('婴儿死亡率');
  });

  await test.step('she downloads the workbook and the PDF', async () => {
    const [xlsx] = await Promise.all([page.waitForEvent('download'), report.xlsx.click()]);
    expect(xlsx.suggestedFilename()).toMatch(/^年报-舟山市-\d{4}\.xlsx$/);
    const [pdf] = await Promise.all([page.waitForEvent('download'), report.pdf.click()]);
    expect(pdf.suggestedFilename()).toMatch(/^年报-舟山市-\d{4}\.pdf$/);
  });
});

test('summons: the county supervisor records a summons of an institution and its completion; the city sees it read-only', async ({
  page,
}) => {
  const summons = new SummonsPage(page);
  const reason = `孕产妇系统管理率未达标-${Date.now() % 100000}`;
  await test.step('she looks at the lagging institutions of her county', async () => {
    await new LoginPage(page).loginAs('county-mch');
    // her navigation is long (care and supervision pages); she follows a bookmark
    await page.goto('/accountability/lagging');
    await expect(page.getByTestId('lagging-table')).toBeVisible();
    await expect(page.getByText('已印发的通报')).toBeVisible();
  });

  await test.step('she records a summons with two attendees and one action', async () => {
    await page.goto('/accountability/summons');
    await summons.recordInstitutionSummons({
      institution: '定海区妇幼保健院',
      reason,
      attendees: ['张科长', '王院长'],
      action: '逐例核查未系统管理的产妇并补录访视',
      responsible: '定海区妇幼保健院',
    });
    await expect(summons.row(reason)).toContainText('整改中');
    await expect(summons.row(reason)).toContainText('0/1');
  });

  await test.step('the action is done: she records what was done, and the summons is complete', async () => {
    await summons.row(reason).click();
    await expect(summons.drawer).toContainText('张科长');
    await summons.completeFirstAction('已核查12例，补录访视9例');
    await expect(summons.drawer.getByTestId('action-state-done')).toBeVisible();
    await summons.closeDrawer();
    await expect(summons.row(reason)).toContainText('整改完成');
    await expect(summons.row(reason)).toContainText('1/1');
    await new AppShell(page).logout();
  });

  await test.step('the city statistician sees the summons but cannot record or complete one', async () => {
    await new LoginPage(page).loginAs('city-stat');
    await new AppShell(page).open('accountability-summons');
    await expect(summons.row(reason)).toBeVisible();
    await expect(summons.newButton).toHaveCount(0);
    await summons.row(reason).click();
    await expect(summons.drawer).toContainText('已核查12例');
    await expect(summons.drawer.getByTestId('action-complete')).toHaveCount(0);
  });
});
