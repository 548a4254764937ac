import { expect, test } from '@playwright/test';
import { makeResidentId } from '@fuyou/core';
import { LoginPage } from './pages/login.page';
import { MaternalPages } from './pages/maternal.page';
import { PersonRegisterPage } from './pages/person-register.page';
import { WomenPages } from './pages/women.page';
import { chooseOption } from './pages/widgets';

/** 'YYYY-MM-DD' `days` before today (Asia/Shanghai). */
function daysAgo(days: number): string {
  return new Date(Date.now() + 8 * 3_600_000 - days * 86_400_000).toISOString().slice(0, 10);
}

test('two-cancer screening: HPV 16 → colposcopy → CIN2 → treatment closes the case; an undone follow-up is overdue', async ({
  page,
}) => {
  const women = new WomenPages(page);
  const seq = Date.now() % 900;
  const name = `陈秀英${seq}`;
  const idNumber = makeResidentId('330902', '1980-03-15', 100 + seq, 'female');
  let personId = '';

  await test.step('the clinician registers a woman of 45', async () => {
    await new LoginPage(page).loginAs('clinic');
    await page.goto('/people/new');
    const form = new PersonRegisterPage(page);
    await form.name.fill(name);
    await form.idNumber.fill(idNumber);
    await form.chooseRegion(form.residence, ['定海区', '临城街道']);
    await form.submitConfirmingDuplicates();
    personId = page.url().split('/people/')[1] ?? '';
    expect(personId).toMatch(/^[0-9a-f-]{36}$/);
  });

  await test.step('she records HPV 16 positive: the pathway asks for colposcopy and a case opens', async () => {
    await women.openScreeningForm(personId);
    await expect(women.byTestId('screening-eligibility')).toContainText('符合项目筛查条件');
    await women.recordHpvPositive(['16']);
    await expect(women.byTestId('pathway-next')).toContainText('阴道镜检查');
    await expect(women.byTestId('case-state')).toHaveText('异常');
    await expect(women.byTestId('case-next-step')).toContainText('告知受检者');
  });

  await test.step('she notifies the woman; the case asks for colposcopy', async () => {
    await women.recordStep({ method: '电话' });
    await expect(women.byTestId('case-state')).toHaveText('已告知');
    await expect(women.byTestId('case-next-step')).toContainText('阴道镜检查');
  });

  await test.step('colposcopy is abnormal; pathology CIN2 asks for treatment', async () => {
    await women.recordStep({ result: '阴道镜检查异常' });
    await expect(women.byTestId('case-next-step')).toContainText('活检');
    await women.recordStep({ result: 'CIN2' });
    await expect(women.byTestId('histopathology')).toContainText('CIN2');
    await expect(women.byTestId('case-state')).toHaveText('病理');
    await expect(women.byTestId('case-next-step')).toContainText('治疗');
  });

  await test.step('she records the treatment: the case closes as treated', async () => {
    await women.recordStep({ method: 'LEEP' });
    await expect(women.byTestId('case-state')).toHaveText('已治疗');
    await expect(women.byTestId('case-next-step')).toHaveCount(0);
    await expect(women.byTestId('step-save')).toHaveCount(0);
    await expect(women.byTestId('case-outcome')).toContainText('癌前病变');
  });

  await test.step('a breast screening 30 days ago with BI-RADS 4A, never followed up, is on the overdue list', async () => {
    await women.openScreeningForm(personId, 'breast');
    await women.typeDate(women.byTestId('screening-date'), daysAgo(30));
    await chooseOption(page, women.byTestId('ultrasound-birads'), '4A类');
    await women.save();
    await expect(women.byTestId('case-overdue')).toBeVisible();
    await page.goto('/women/cancer-screening-cases');
    const row = women.byTestId('cases-table').locator('tr', { hasText: name });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('乳腺癌');
    await expect(row).toContainText('告知受检者');
    await expect(row).toContainText('逾期');
  });
});

test('birth defect at delivery: one click files the card, it is counted and listed, and the child applies for aid', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const m = new MaternalPages(page);
  const women = new WomenPages(page);
  const name = `林产妇${Date.now() % 10000}`;
  let personId = '';

  await test.step('the clinic registers the pregnancy of a woman at 39+2 weeks', async () => {
    await new LoginPage(page).loginAs('clinic');
    const r = await page.request.post('/api/v1/people', {
      data: { name, sex: 'female', birthDate: '1995-04-12', idType: 'none', residenceRegionCode: '330902' },
    });
    expect(r.status()).toBe(201);
    personId = ((await r.json()) as { id: string }).id;
    await m.register(personId, { lmp: daysAgo(39 * 7 + 2), registeredOn: daysAgo(200), heightCm: 160, weightKg: 56 });
  });

  await test.step('she records the delivery of a baby with a cleft lip and palate', async () => {
    await m.byTest('delivery-new').click();
    await m.chooseInstitution(m.byTest('delivery-institution'), '定海区妇幼保健院');
    await m.byTest('baby-0-weight').fill('3250');
    await page.getByLabel('出生缺陷（逗号分隔）').fill('Q37.1 唇裂合并腭裂');
    await m.byTest('delivery-save').click();
    await m.confirm('delivery-confirm');
    await expect(m.byTest('pregnancy-status')).toHaveText('产后');
    await page.getByRole('tab', { name: '分娩与产后' }).click();
    await expect(m.byTest('baby-table')).toContainText('Q37.1 唇裂合并腭裂');
  });

  await test.step('one click beside the baby: the card comes prefilled from the delivery and is filed', async () => {
    await women.fileCardFromButton(m.byTest('bd-card-new'));
    await expect(women.byTestId('bd-category-0')).toContainText('唇裂合并腭裂');
    await expect(women.byTestId('bd-basis').getByLabel('临床')).toBeChecked();
    await women.byTestId('bd-submit').click();
    await expect(m.byTest('bd-card-link')).toHaveText('已填报缺陷卡');
  });

  await test.step('the card is on the surveillance list and counted in the rate', async () => {
    await page.goto('/women/birth-defects');
    const row = women.byTestId('bd-table').locator('tr', { hasText: name });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('Q37.1');
    await expect(row).toContainText('分娩记录');
    await expect(women.byTestId('bd-rate')).toContainText('缺陷儿');
    await row.getByRole('link', { name: '详情' }).click();
    await expect(women.byTestId('bd-detail-title')).toContainText(name);
    await expect(women.byTestId('bd-detail-defects')).toContainText('唇裂合并腭裂（Q37）');
  });

  await test.step('the child applies for birth-defect aid from the card', async () => {
    await women.byTestId('bd-apply-aid').click();
    await expect(women.byTestId('aid-condition')).toHaveValue('唇裂合并腭裂');
    await page
      .locator('.ant-modal:visible')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await expect(women.byTestId('bd-detail-aid')).toContainText('已提交（待审批）');
  });

  await test.step('the mother’s record shows the card in her history', async () => {
    await page.goto(`/women/people/${personId}`);
    await page.getByRole('tab', { name: '出生缺陷与救助' }).click();
    await expect(women.byTestId('bd-history')).toContainText('Q37.1');
  });
});
