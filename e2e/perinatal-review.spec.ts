import { expect, test } from '@playwright/test';
import { LoginPage } from './pages/login.page';
import { daysAgo, MaternalPages } from './pages/maternal.page';
import { chooseOption } from './pages/widgets';

// A stillbirth at 32 weeks recorded at delivery (through the API, as the delivery form is tested elsewhere) is
// pending on the perinatal deaths tab; the county supervisor reviews it in the dialog and the row shows reviewed.
test('the county supervisor reviews a stillbirth recorded at delivery', async ({ page }) => {
  test.setTimeout(120_000);
  const m = new MaternalPages(page);
  const name = `围产评审${Date.now() % 10000}`;

  await test.step('a woman delivers a stillborn baby at 32 weeks', async () => {
    await new LoginPage(page).loginAs('county-mch');
    const list = await (await page.request.get('/api/v1/institutions?countyCode=330902&type=mch_hospital')).json();
    const institutionId = ((Array.isArray(list) ? list : list.items) as { id: string }[])[0]?.id;
    expect(institutionId).toBeTruthy();
    const p = await page.request.post('/api/v1/people', {
      data: { name, sex: 'female', birthDate: '1995-05-01', idType: 'none', residenceRegionCode: '330902' },
    });
    expect(p.status()).toBe(201);
    const personId = ((await p.json()) as { id: string }).id;
    const preg = await page.request.post('/api/v1/pregnancies', {
      data: {
        personId,
        registeredOn: daysAgo(150),
        lmp: daysAgo(32 * 7 + 1),
        registeringInstitutionId: institutionId,
        gravidity: 1,
        parity: 0,
        heightCm: 160,
        prePregnancyWeightKg: 54,
      },
    });
    expect(preg.status()).toBe(201);
    const pregnancyId = ((await preg.json()) as { id: string }).id;
    const d = await page.request.post(`/api/v1/pregnancies/${pregnancyId}/delivery`, {
      data: {
        deliveryDate: daysAgo(1),
        deliveryTime: '10:00',
        place: 'institution',
        institutionId,
        mode: 'spontaneous',
        maternalCondition: 'good',
        babies: [{ outcome: 'stillbirth', sex: 'male', weightG: 1700 }],
      },
    });
    expect(d.status(), await d.text()).toBe(201);
  });

  const row = () => m.byTest('perinatal-table').locator('tr', { hasText: name });

  await test.step('the perinatal deaths tab lists it as pending review', async () => {
    await page.goto('/maternal/deaths');
    await page.getByRole('tab', { name: '围产儿及新生儿死亡' }).click();
    await expect(row().getByTestId('perinatal-pending')).toBeVisible();
  });

  await test.step('a review without a conclusion is refused by the form; with one it is saved', async () => {
    await row().getByTestId('perinatal-review').click();
    const dialog = page.locator('.ant-modal:visible');
    await expect(dialog).toContainText('围产儿死亡评审');
    // no level has reviewed it yet: the dialog starts at the county level
    await expect(m.byTest('perinatal-review-mode')).toHaveText('新增县级评审');
    await m.byTest('perinatal-review-save').click();
    await expect(dialog.locator('.ant-form-item-explain-error')).toBeVisible();
    await dialog.getByLabel('结论').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '创造条件可避免' }).click();
    await dialog.getByText('医疗保健系统·知识技能', { exact: true }).click();
    // the ticked cell takes a note on what happened
    await dialog.getByLabel('医疗保健系统·知识技能：情况说明').fill('胎心监护异常未及时处理');
    await m.byTest('perinatal-review-save').click();
    await expect(page.locator('.ant-modal:visible')).toHaveCount(0);
    await expect(row().getByTestId('perinatal-reviewed')).toHaveText('县级 · 创造条件可避免');
  });

  await test.step('reopened, the dialog offers the city review and shows the county one with its note', async () => {
    await row().getByTestId('perinatal-review').click();
    const dialog = page.locator('.ant-modal:visible');
    await expect(m.byTest('perinatal-review-mode')).toHaveText('新增市级评审');
    await expect(m.byTest('perinatal-other-levels')).toContainText('医疗保健系统·知识技能：胎心监护异常未及时处理');
    // back at the county level the form holds the county review again, the note in its cell
    await chooseOption(
      page,
      dialog.locator('.ant-form-item', { hasText: '评审级别' }).locator('.ant-select-selector'),
      '县级',
    );
    await expect(m.byTest('perinatal-review-mode')).toHaveText('修改县级评审（第1版）');
    await expect(dialog.getByLabel('医疗保健系统·知识技能：情况说明')).toHaveValue('胎心监护异常未及时处理');
    await dialog.getByRole('button', { name: /取\s*消/ }).click();
    await expect(page.locator('.ant-modal:visible')).toHaveCount(0);
  });

  await test.step('the filter of reviewed stillbirths shows it', async () => {
    await m.byTest('perinatal-review-filter').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '已评审' }).click();
    await expect(row().getByTestId('perinatal-reviewed')).toBeVisible();
  });
});
