import { expect, test } from '@playwright/test';
import { makeResidentId } from '@fuyou/core';
import { AppShell } from './pages/app-shell.page';
import { LoginPage } from './pages/login.page';
import { daysAgo, MaternalPages } from './pages/maternal.page';
import { PersonRegisterPage } from './pages/person-register.page';

/** 'YYYY-MM-DD' `years` before today (China). */
function yearsAgo(years: number): string {
  const d = new Date(Date.now() + 8 * 3_600_000);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return d.toISOString().slice(0, 10);
}

// The pregnancy is entered as it happened: LMP 319 days ago, registered at 10+5 weeks, first visit at 11+0 (both
// 《基本公卫》 contact 1), orange at that visit (age ≥ 40), delivered at 39+2 (44 days ago), the home visit on day 4
// and the 42-day check on day 42; the county supervisor's part (report, referral receipt, delivery hospital) today.
const LMP = 319;
const REGISTERED = LMP - 75;
const FIRST_VISIT = LMP - 77;
const DELIVERED = LMP - 39 * 7 - 2;

test('a pregnancy from registration to the closed high-risk case, as a clinic and the county supervisor', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const m = new MaternalPages(page);
  const shell = new AppShell(page);
  const seq = 600 + (Date.now() % 300);
  const name = `吴孕妇${seq}`;
  const birthDate = yearsAgo(41);
  const idNumber = makeResidentId('330902', birthDate, seq, 'female');
  let caseUrl = '';

  await test.step('the clinic logs in: the home page shows today’s maternal work', async () => {
    await new LoginPage(page).loginAs('clinic');
    await expect(m.byTest('home-maternal')).toBeVisible();
    await expect(m.byTest('home-maternal-visit_due')).toBeVisible();
  });

  await test.step('she enters the woman (41) in the person index', async () => {
    await shell.open('person-register');
    const form = new PersonRegisterPage(page);
    await form.name.fill(name);
    await form.idNumber.fill(idNumber);
    await expect(form.sexOption('女')).toBeChecked();
    await expect(form.birthDate).toHaveValue(birthDate);
    await form.chooseRegion(form.residence, ['定海区', '临城街道']);
    await form.submitConfirmingDuplicates();
    await expect(page.getByTestId('person-title')).toHaveText(name);
  });

  await test.step('she registers the pregnancy: EDD and gestational age computed; screen positive, to refer', async () => {
    await shell.open('maternal');
    await m.chooseWomanToRegister(idNumber, name);
    await m.fillRegistration({ lmp: daysAgo(LMP), registeredOn: daysAgo(REGISTERED), heightCm: 160, weightKg: 58 });
    await expect(m.byTest('pregnancy-details')).toContainText('早孕建册');
    await expect(m.byTest('pregnancy-details')).toContainText('10+5');
    await expect(m.byTest('current-colour')).toContainText('未评估');
    await expect(m.byTest('screening-positive')).toContainText('年龄≥35岁或≤18岁');
    await expect(m.byTest('screening-positive')).toContainText('转诊评估');
    await expect(m.byTest('duties')).toContainText('转二级以上医院评估');
  });

  await test.step('first visit at 11 weeks: the first contact of the schedule is done', async () => {
    await m.recordVisit({ date: daysAgo(FIRST_VISIT), weightKg: 59, systolic: 118, diastolic: 76, hbGL: 120 });
    await expect(m.byTest('contact-anc1')).toHaveAttribute('data-status', 'done');
    // a typing error is corrected on the record (special-disease results recomputed)
    await page.getByRole('tab', { name: '产检记录' }).click();
    await m.byTest('visit-edit').click();
    await m.byTest('visit-weightKg').fill('60');
    await m.byTest('visit-save').click();
    await m.acknowledgeInfo();
    await expect(m.byTest('visit-table')).toContainText('60');
  });

  await test.step('the risk assessment at that visit suggests orange (age ≥40); confirmed, the case opens', async () => {
    await m.byTest('risk-new').click();
    await m.typeDate(m.byTest('risk-assessedOn'), daysAgo(FIRST_VISIT));
    await expect(m.byTest('risk-suggested')).toHaveAttribute('data-colour', 'orange');
    await expect(m.byTest('risk-matched')).toContainText('年龄≥40岁');
    await m.byTest('risk-save').click();
    await expect(page.locator('.ant-modal-confirm')).toContainText('已纳入高危专案管理');
    await m.acknowledgeInfo();
    await expect(m.byTest('current-colour')).toHaveAttribute('data-colour', 'orange');
  });

  await test.step('from the case she refers the woman to the county MCH hospital; the receipt is late', async () => {
    await m.byTest('case-link').click();
    await expect(m.byTest('case-colour')).toHaveAttribute('data-colour', 'orange');
    caseUrl = new URL(page.url()).pathname;
    await m.byTest('case-refer').click();
    await m.typeDate(m.byTest('case-referredOn'), daysAgo(FIRST_VISIT - 1));
    await m.chooseInstitution(m.byTest('refer-to'), '定海区妇幼保健院');
    await m.byTest('refer-reason').fill('高龄孕妇，转县妇幼评估');
    await m.byTest('case-dialog-ok').click();
    await expect(m.byTest('referral-status')).toHaveText('已转出');
    await expect(m.byTest('referral-table')).toContainText('未按时接收');
    // the referring clinic cannot write the receiving hospital's receipt
    await expect(m.byTest('referral-receive')).toHaveCount(0);
    await m.byTest('case-woman').click();
    await expect(m.byTest('duties')).not.toContainText('转二级以上医院评估');
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
  });

  await test.step('she fixes the delivery hospital (due by 36 weeks, now overdue)', async () => {
    await expect(m.byTest('case-hospital-duty')).toContainText('逾期未确定');
    await m.byTest('case-plan').click();
    await m.chooseInstitution(m.byTest('plan-delivery-hospital'), '定海区妇幼保健院');
    await m.byTest('case-plan-text').fill('每2周随访一次；血压、血糖监测；提前住院待产');
    await m.byTest('case-dialog-ok').click();
    await expect(m.byTest('case-delivery-hospital')).toHaveText('定海区妇幼保健院');
    await expect(m.byTest('case-hospital-duty')).toHaveCount(0);
    await shell.logout();
  });

  await test.step('the clinic records the delivery (confirmed): the child is created in the person index', async () => {
    await new LoginPage(page).loginAs('clinic');
    await page.goto(caseUrl);
    await m.byTest('case-woman').click();
    await m.byTest('delivery-new').click();
    await m.typeDate(m.byTest('delivery-date'), daysAgo(DELIVERED));
    await m.chooseInstitution(m.byTest('delivery-institution'), '定海区妇幼保健院');
    await m.byTest('baby-0-weight').fill('3300');
    await m.byTest('delivery-save').click();
    await expect(page.locator('.ant-modal-confirm')).toContainText('1 名活产儿将在人员档案中建档');
    await m.confirm('delivery-confirm');
    await expect(m.byTest('pregnancy-status')).toHaveText('产后');
    await page.getByRole('tab', { name: '分娩与产后' }).click();
    await expect(m.byTest('baby-table')).toContainText('活产');
    await m.byTest('baby-child-link').click();
    await expect(page.getByTestId('child-title')).toHaveText(`${name}之女`);
    await page.goBack();
    await expect(m.byTest('woman-title')).toHaveText(name);
  });

  await test.step('home visit on day 4: a positive EPDS needs its intervention recorded', async () => {
    await m.byTest('pp-new').click();
    await page.getByTestId('pp-kind').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '产后访视' }).click();
    await m.typeDate(m.byTest('pp-date'), daysAgo(DELIVERED - 4));
    await m.byTest('pp-epds').fill('1 1 2 1 1 1 1 1 1 0');
    await m.byTest('pp-save').click();
    await expect(page.getByText('EPDS筛查阳性，请记录干预或转诊').first()).toBeVisible();
    await m.byTest('pp-epdsAction').fill('心理咨询，2周后复评');
    await m.byTest('pp-save').click();
    await expect(m.byTest('pp-save')).toHaveCount(0);
    await page.getByRole('tab', { name: '分娩与产后' }).click();
    await expect(m.byTest('pp-table')).toContainText('产后访视');
  });

  await test.step('the 42-day check with pelvic floor, contraception and the postpartum assessment', async () => {
    await m.byTest('pp-new').click();
    await expect(page.getByTestId('pp-kind')).toContainText('产后42天检查');
    await m.typeDate(m.byTest('pp-date'), daysAgo(DELIVERED - 42));
    await page.getByTestId('pp-pelvicFloor').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '正常' }).click();
    await m.byTest('pp-contraception').check();
    await expect(m.byTest('pp-assess')).toHaveAttribute('aria-checked', 'true');
    await m.byTest('pp-save').click();
    await expect(m.byTest('pp-save')).toHaveCount(0);
    await page.getByRole('tab', { name: '分娩与产后' }).click();
    await expect(m.byTest('pp-table')).toContainText('42天检查');
    // assessed at the visit, then re-assessed at the home visit and at the 42-day check (REFERENCE §1.1)
    await page.getByRole('tab', { name: '风险评估' }).click();
    await expect(m.byTest('colour-history').locator('[data-colour]')).toHaveCount(3);
  });

  await test.step('the case closes "delivered and assessed" (confirmed); the pregnancy record closes with it', async () => {
    await page.goto(caseUrl);
    await m.byTest('case-close').click();
    await page.getByTestId('close-reason').click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '已分娩并完成产后评估' })
      .click();
    await m.byTest('case-dialog-ok').click();
    await expect(page.locator('.ant-modal-confirm')).toContainText('结案后不能再随访');
    await m.confirm('close-confirm');
    await expect(m.byTest('case-status')).toHaveText('已分娩并完成产后评估');
    await m.byTest('case-woman').click();
    await expect(m.byTest('pregnancy-status')).toHaveText('已结案');
    await expect(m.byTest('pregnancy-details')).toContainText('产后管理完成');
  });
});

test('the county supervisor reads the ledger and a case in English, exports the ledger', async ({ page }) => {
  const shell = new AppShell(page);
  await new LoginPage(page).loginAs('county-mch');
  await page.getByTestId('lang-switch').getByText('EN').click();
  await shell.open('maternal-high-risk');
  await expect(page.getByRole('heading', { name: 'High-risk ledger' })).toBeVisible();
  await expect(page.getByTestId('ledger-table')).toContainText('Orange');
  const download = page.waitForEvent('download');
  await page.getByTestId('ledger-export').click();
  expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
  await page.getByTestId('ledger-case-link').first().click();
  await expect(page.getByText('Reports to the county MCH institute')).toBeVisible();
  await shell.open('maternal');
  await expect(page.getByRole('heading', { name: 'Maternal worklist' })).toBeVisible();
  await page.getByTestId('lang-switch').getByText('中文').click();
  await expect(page.getByRole('heading', { name: '孕产妇保健工作清单' })).toBeVisible();
});
