import { expect, test } from '@playwright/test';
import { AppShell } from './pages/app-shell.page';
import { LoginPage } from './pages/login.page';
import { QualityPages } from './pages/quality.page';
import { WorkPlanPages } from './pages/workplans.page';

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(Date.now() + 8 * 3_600_000 - n * 86_400_000).toISOString().slice(0, 10);

test('the county supervisor finds a registration without a phone, opens it, and sees it gone once fixed', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const shell = new AppShell(page);
  const q = new QualityPages(page);
  const name = `质控孕妇${Date.now() % 10000}`;
  let personId = '';

  await test.step('a woman is registered for her pregnancy without a phone number', async () => {
    await new LoginPage(page).loginAs('county-mch');
    const me = (await (await page.request.get('/api/v1/auth/me')).json()) as { institutionId: string };
    const p = await page.request.post('/api/v1/people', {
      data: {
        name,
        sex: 'female',
        birthDate: '1996-03-08',
        idType: 'none',
        residenceRegionCode: '330902',
        hukouRegionCode: '330902',
      },
    });
    expect(p.status()).toBe(201);
    personId = ((await p.json()) as { id: string }).id;
    const r = await page.request.post('/api/v1/pregnancies', {
      data: {
        personId,
        registeredOn: today(),
        lmp: daysAgo(70),
        registeringInstitutionId: me.institutionId,
        gravidity: 1,
        parity: 0,
        heightCm: 160,
        prePregnancyWeightKg: 54,
      },
    });
    expect(r.status()).toBe(201);
  });

  await test.step('she runs the checks now from 数据质控 and waits for the result', async () => {
    // the side navigation lists it (far down for a county supervisor, so the page is opened by its address)
    await expect(shell.navLink('quality')).toBeAttached();
    await page.goto('/quality');
    await q.runNow();
    await expect(q.byTest('quality-region-score')).toBeVisible();
  });

  await test.step('the problem list shows the missing phone (and the missing ID number), linked to her record', async () => {
    await q.openProblems();
    await q.searchName(name);
    await expect(q.rows().first()).toContainText('缺少：联系电话');
    await expect(q.rows().first()).toContainText('孕产妇建册必填项缺失');
    await q.rows().first().getByTestId('problem-link').click();
    await expect(page).toHaveURL(new RegExp(`/maternal/women/${personId}\\?pregnancyId=`));
  });

  await test.step('the phone and ID number are added to her record; the next run no longer lists her', async () => {
    const cur = (await (await page.request.get(`/api/v1/people/${personId}`)).json()) as { version: number };
    const u = await page.request.patch(`/api/v1/people/${personId}`, {
      data: { version: cur.version, phone: '13900001234', idType: 'resident_id', idNumber: '330902199603081225' },
    });
    expect(u.status()).toBe(200);
    await page.goto('/quality');
    await q.runNow();
    // the newest run (first row) resolved her problem: new / resolved
    await expect(q.byTest('quality-runs').locator('tbody tr.ant-table-row').first()).toContainText('/ 1');
    await q.openProblems();
    await q.searchName(name);
    await expect(q.rows()).toHaveCount(0);
  });
});

test('the commission follows the Zhoushan 2019 plan: overdue tasks, progress with evidence, the view per unit', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const shell = new AppShell(page);
  const w = new WorkPlanPages(page);

  await test.step('city-wjw opens the preloaded plan; its 2019 tasks are overdue', async () => {
    await new LoginPage(page).loginAs('city-wjw');
    await expect(shell.navLink('work-plans')).toBeAttached();
    await page.goto('/work-plans');
    await expect(w.byTest('plan-overdue').first()).toBeVisible();
    await w.openPlan('2019年全市妇幼健康工作要点');
    await expect(w.task('（四）1')).toContainText('2019-06-30');
    await expect(w.task('（四）1').getByTestId('timing-overdue')).toBeVisible();
    await expect(w.task('（六）2')).toContainText('≥ 208');
  });

  await test.step('she reports progress on （一） and marks it done; the history keeps the report', async () => {
    await w.report('（一）', '救治中心标准化建设已通过市级评估', { status: '已完成' });
    await expect(w.task('（一）').getByTestId('timing-done_late')).toBeVisible();
    await w.task('（一）').getByTestId('task-last-progress').click();
    await expect(w.byTest('progress-history')).toContainText('救治中心标准化建设已通过市级评估');
    await page.keyboard.press('Escape');
  });

  await test.step('the view per responsible unit lists each unit with its overdue count', async () => {
    await page.getByRole('tab', { name: '按责任单位' }).click();
    await expect(w.byTest('plan-units')).toContainText('定海区妇幼保健院');
    await expect(w.byTest('plan-units')).toContainText('逾期');
  });
});
