import { expect, test } from '@playwright/test';
import { ChildPages } from './pages/child.page';
import { ExposurePages } from './pages/exposure.page';
import { LoginPage } from './pages/login.page';

/** 'YYYY-MM-DD' `days` before today (Asia/Shanghai). */
function daysAgo(days: number): string {
  return new Date(Date.now() + 8 * 3_600_000 - days * 86_400_000).toISOString().slice(0, 10);
}

test('a PMTCT supervisor records the final status of a syphilis-exposed infant by the congenital-syphilis criteria', async ({
  page,
}) => {
  const child = new ChildPages(page);
  const exposure = new ExposurePages(page);
  const name = `梅小宝${Date.now() % 10000}`;

  await test.step('the county MCH supervisor (PMTCT permission) logs in and registers a 1-month-old girl', async () => {
    await new LoginPage(page).loginAs('county-mch');
    await child.register({ name, sex: '女', birthDate: daysAgo(30), weightG: 3200, weeks: 39 });
  });

  await test.step('she registers her as exposed to her mother’s syphilis; the criteria say pending', async () => {
    await exposure.registerExposure(['梅毒']);
    await expect(page.getByTestId('syphilis-suggestion')).toContainText('待定');
  });

  await test.step('she records a positive treponemal IgM and chooses “not infected”: refused on the status field', async () => {
    await exposure.finalField('motherTitre').locator('input').fill('1:4');
    await exposure.chooseEvidence('treponemalIgm', '阳性');
    await exposure.saveFinal('未感染');
    await expect(exposure.finalField('status').locator('.ant-form-item-explain-error')).toContainText(
      '最终状态与先天梅毒判定标准不符，按已记录的检测应为“先天梅毒”',
    );
    await expect(exposure.finalField('status')).toContainText('梅毒螺旋体IgM抗体阳性');
  });

  await test.step('she saves “congenital syphilis”: recorded, and the criteria agree', async () => {
    await exposure.saveFinal('先天梅毒');
    await expect(page.getByTestId('exposure-final-recorded')).toContainText('先天梅毒');
    await expect(page.getByTestId('syphilis-suggestion')).toContainText('先天梅毒');
    await expect(exposure.finalField('status').locator('.ant-form-item-explain-error')).toHaveCount(0);
  });
});
