import { expect, test } from '@playwright/test';
import { LoginPage } from './pages/login.page';
import { daysAgo, MaternalPages } from './pages/maternal.page';

// An under-5 death card (recorded and submitted through the API, as the card's form is tested elsewhere) is
// reviewed by the county supervisor in the dialog with the 12-cell grid: a ticked cell takes a note, the list shows
// the review and, opened, the note.
test('the county supervisor reviews a child death with a note on a cell of the 12-cell grid', async ({ page }) => {
  test.setTimeout(120_000);
  const m = new MaternalPages(page);
  const name = `死亡评审${Date.now() % 10000}`;

  await test.step('a child of 50 days dies of pneumonia; the card is submitted', async () => {
    await new LoginPage(page).loginAs('county-mch');
    const c = await page.request.post('/api/v1/children', {
      data: {
        name,
        sex: 'male',
        birthDate: daysAgo(50),
        residenceRegionCode: '330902',
        registrationReason: 'born_elsewhere',
        gestationalWeeks: 39,
        gestationalDays: 2,
        birthWeightG: 3300,
        birthLengthCm: 50,
      },
    });
    expect(c.status(), await c.text()).toBe(201);
    const personId = ((await c.json()) as { person: { id: string } }).person.id;
    const d = await page.request.post(`/api/v1/children/${personId}/death`, {
      data: {
        deathDate: daysAgo(2),
        deathPlace: 'county_hospital',
        careBeforeDeath: 'county_hospital',
        diagnosisLevel: 'county',
        diagnosisBasis: 'clinical',
        underlyingCause: '肺炎',
        icd10: 'J18.9',
      },
    });
    expect(d.status(), await d.text()).toBe(201);
    const death = (await d.json()) as { id: string; version: number };
    const s = await page.request.post(`/api/v1/child-deaths/${death.id}/submit`, { data: { version: death.version } });
    expect(s.status(), await s.text()).toBe(200);
  });

  const row = () => m.byTest('child-deaths-table').locator('tr', { hasText: name });

  await test.step('she reviews it at the county level, with a note on the ticked cell', async () => {
    await page.goto('/child-deaths');
    await row().getByTestId('child-death-review').click();
    const dialog = page.locator('.ant-modal:visible');
    await expect(dialog).toContainText('死亡评审');
    await dialog.getByLabel('结论').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '创造条件可避免' }).click();
    await dialog.getByText('医疗保健系统·知识技能', { exact: true }).click();
    await dialog.getByLabel('医疗保健系统·知识技能：情况说明').fill('基层未及时识别重症肺炎');
    await m.byTest('child-death-review-save').click();
    await expect(page.locator('.ant-modal:visible')).toHaveCount(0);
    await expect(row().getByTestId('child-death-reviewed')).toHaveText('县级 · 创造条件可避免');
  });

  await test.step('the row opened shows the review with the cell and its note', async () => {
    await row().locator('.ant-table-row-expand-icon').click();
    await expect(m.byTest('child-death-review-summary')).toContainText('医疗保健系统·知识技能：基层未及时识别重症肺炎');
  });
});
