import { expect, test } from '@playwright/test';
import { AppShell } from './pages/app-shell.page';
import { InstitutionsPage } from './pages/institutions.page';
import { LoginPage } from './pages/login.page';

test('the system administrator creates an institution, then deactivates it after confirming', async ({ page }) => {
  const shell = new AppShell(page);
  const code = `DH-T${Date.now().toString(36).toUpperCase()}`;
  await new LoginPage(page).loginAs('sysadmin');
  await shell.open('institutions');
  const institutions = new InstitutionsPage(page);

  await test.step('create it with its region and capabilities', async () => {
    await institutions.createInstitution({
      code,
      name: '定海区临城社区卫生服务站',
      type: '社区卫生服务中心',
      region: ['浙江省', '舟山市', '定海区', '临城街道'],
      capabilities: ['儿童保健', '两癌筛查'],
    });
    await institutions.find(code);
    const row = institutions.row(code);
    await expect(row).toContainText('定海区临城社区卫生服务站');
    await expect(row).toContainText('定海区 · 临城街道');
    await expect(row).toContainText('儿童保健');
  });

  await test.step('deactivate it: the list of active institutions no longer shows it', async () => {
    await institutions.row(code).getByTestId('inst-deactivate').click();
    const confirm = page.locator('.ant-modal-confirm');
    await expect(confirm).toContainText('确认停用“定海区临城社区卫生服务站”？');
    await confirm.getByRole('button', { name: '停 用' }).click();
    await expect(page.getByText('机构已停用')).toBeVisible();
    await expect(institutions.row(code)).toHaveCount(0);
  });
});

test('the regions browser drills down from the provinces to the townships of a county', async ({ page }) => {
  const shell = new AppShell(page);
  await new LoginPage(page).loginAs('sysadmin');
  await shell.open('regions');
  const table = page.getByTestId('region-table');
  for (const name of ['浙江省', '舟山市', '定海区']) {
    await table.getByRole('button', { name, exact: true }).click();
    await expect(page.getByTestId('region-breadcrumb')).toContainText(name);
  }
  await expect(table).toContainText('330902006');
  await expect(table).toContainText('临城街道');
  await page.getByTestId('region-breadcrumb').getByText('浙江省').click();
  await expect(table).toContainText('舟山市');
});
