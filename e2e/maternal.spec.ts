import { expect, test } from '@playwright/test';
import { AppShell } from './pages/app-shell.page';
import { LoginPage } from './pages/login.page';
import { daysAgo, MaternalPages } from './pages/maternal.page';

/** 'YYYY-MM-DD' `years` before today. */
function yearsAgo(years: number): string {
  const d = new Date(Date.now() + 8 * 3_600_000);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return d.toISOString().slice(0, 10);
}

test('a pregnancy from registration to the closed high-risk case, as a clinic and the county supervisor', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const m = new MaternalPages(page);
  const shell = new AppShell(page);
  const name = `吴孕妇${Date.now() % 10000}`;
  let personId = '';
  let caseUrl = '';

  await test.step('the clinic logs in; the woman (41) is in the person index', async () => {
    await new LoginPage(page).loginAs('clinic');
    const r = await page.request.post('/api/v1/people', {
      data: { name, sex: 'female', birthDate: yearsAgo(41), idType: 'none', residenceRegionCode: '330902' },
    });
    expect(r.status()).toBe(201);
    personId = ((await r.json()) as { id: string }).id;
  });

  await test.step('she registers the pregnancy: EDD and gestational age computed, early registration', async () => {
    await m.register(personId, { lmp: daysAgo(39 * 7 + 2), registeredOn: daysAgo(200), heightCm: 160, weightKg: 58 });
    await expect(m.byTest('pregnancy-ga')).toHaveText('39+2');
    await expect(m.byTest('pregnancy-details')).toContainText('早孕建册');
    await expect(m.byTest('current-colour')).toContainText('未评估');
  });

  await test.step('first visit: the antenatal contact is recorded', async () => {
    await m.recordVisit({ date: daysAgo(2), weightKg: 70, systolic: 118, diastolic: 76, hbGL: 120 });
    await expect(m.byTest('contact-anc5')).toHaveAttribute('data-status', 'done');
  });

  await test.step('the risk assessment suggests orange (age ≥40); confirmed, the high-risk case opens', async () => {
    await m.byTest('risk-new').click();
    await expect(m.byTest('risk-suggested')).toHaveAttribute('data-colour', 'orange');
    await expect(m.byTest('risk-matched')).toContainText('年龄≥40岁');
    await m.byTest('risk-save').click();
    await expect(page.locator('.ant-modal-confirm')).toContainText('已纳入高危专案管理');
    await m.acknowledgeInfo();
    await expect(m.byTest('current-colour')).toHaveAttribute('data-colour', 'orange');
  });

  await test.step('from the case, she refers the woman to the county MCH hospital', async () => {
    await m.byTest('case-link').click();
    await expect(m.byTest('case-colour')).toHaveAttribute('data-colour', 'orange');
    caseUrl = new URL(page.url()).pathname;
    await m.byTest('case-refer').click();
    await m.chooseInstitution(m.byTest('refer-to'), '定海区妇幼保健院');
    await m.byTest('refer-reason').fill('高龄孕妇，转县妇幼评估');
    await m.byTest('case-dialog-ok').click();
    await expect(m.byTest('referral-status')).toHaveText('已转出');
    await shell.logout();
  });

  await test.step('the county supervisor finds the case in the ledger, acknowledges the report, receives the referral', async () => {
    await new LoginPage(page).loginAs('county-mch');
    await shell.open('maternal-high-risk');
    await expect(m.byTest('ledger-table')).toContainText(name);
    await page.getByTestId('ledger-case-link').filter({ hasText: name }).click();
    await m.byTest('report-ack').click();
    await expect(m.byTest('report-acknowledged')).toBeVisible();
    await m.byTest('referral-receive').click();
    await expect(m.byTest('referral-status')).toHaveText('已接收');
    await m.byTest('referral-outcome').click();
    await m.byTest('outcome-text').fill('评估为橙色，继续妊娠，三级医院分娩');
    await m.byTest('case-dialog-ok').click();
    await expect(m.byTest('referral-status')).toHaveText('已回执');
    await shell.logout();
  });

  await test.step('the clinic records the delivery: the child is created in the person index', async () => {
    await new LoginPage(page).loginAs('clinic');
    await page.goto(`/maternal/women/${personId}`);
    await m.byTest('delivery-new').click();
    await m.chooseInstitution(m.byTest('delivery-institution'), '定海区妇幼保健院');
    await m.byTest('baby-0-weight').fill('3300');
    await m.byTest('delivery-save').click();
    await expect(m.byTest('pregnancy-status')).toHaveText('产后');
    await page.getByRole('tab', { name: '分娩与产后' }).click();
    await expect(m.byTest('baby-child-link')).toBeVisible();
    const href = await m.byTest('baby-child-link').getAttribute('href');
    const child = await page.request.get(`/api/v1/people/${href?.split('/').pop()}`);
    expect(((await child.json()) as { motherId: string }).motherId).toBe(personId);
  });

  await test.step('postpartum visit with the postpartum assessment; the case closes "delivered and assessed"', async () => {
    await m.byTest('pp-new').click();
    await m.byTest('pp-assess').click();
    await m.byTest('pp-save').click();
    await page.getByRole('tab', { name: '分娩与产后' }).click();
    await expect(m.byTest('pp-table')).toContainText('产后访视');
    await page.goto(caseUrl);
    await m.byTest('case-close').click();
    await page.getByTestId('close-reason').click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '已分娩并完成产后评估' })
      .click();
    await m.byTest('case-dialog-ok').click();
    await expect(m.byTest('case-status')).toHaveText('已分娩并完成产后评估');
  });
});
