import { expect, test } from '@playwright/test';
import { makeResidentId } from '@fuyou/core';
import { AppShell } from './pages/app-shell.page';
import { AuditLogPage } from './pages/audit-log.page';
import { LoginPage } from './pages/login.page';
import { PersonDetailPage } from './pages/person-detail.page';
import { PersonRegisterPage } from './pages/person-register.page';
import { PersonSearchPage } from './pages/person-search.page';

const name = '林晓雯';

test('a clinician registers a woman, finds her by ID number and reveals it; the auditor sees the reveal', async ({
  page,
}) => {
  // A synthetic resident ID number (valid check character; never a real person's): 定海区, born 1994-05-06, female.
  // A retry runs on the same database, where the first try may already have registered her: it takes the next number.
  const idNumber = makeResidentId('330902', '1994-05-06', 123 + test.info().retry, 'female');
  const masked = `330902********${idNumber.slice(14)}`;
  const login = new LoginPage(page);
  const shell = new AppShell(page);

  await test.step('the clinician logs in and opens the registration form', async () => {
    await login.loginAs('clinic');
    await shell.open('person-register');
  });

  await test.step('she enters the woman: sex and birth date come from the ID number', async () => {
    const form = new PersonRegisterPage(page);
    await form.name.fill(name);
    await form.idNumber.fill(idNumber);
    await expect(form.sexOption('女')).toBeChecked();
    await expect(form.birthDate).toHaveValue('1994-05-06');
    await form.phone.fill('13905801234');
    await form.chooseRegion(form.residence, ['定海区', '临城街道']);
    await expect(form.residence).toContainText('临城街道');
    await form.submitConfirmingDuplicates();
    await expect(page.getByTestId('person-title')).toHaveText(name);
  });

  await test.step('she finds the woman by ID number; the list shows the number masked', async () => {
    await shell.open('people');
    const search = new PersonSearchPage(page);
    await search.search(idNumber);
    await expect(search.row(name)).toHaveCount(1);
    await expect(search.row(name).getByTestId('masked-id')).toHaveText(masked);
    await search.openPerson(name);
  });

  await test.step('on the record the number is masked until she reveals it', async () => {
    const detail = new PersonDetailPage(page);
    await expect(detail.idNumber).toHaveText(masked);
    await detail.revealIdNumber.click();
    await expect(detail.idNumber).toHaveText(idNumber);
  });

  await test.step('she logs out', async () => {
    await shell.logout();
  });

  await test.step('the auditor finds the reveal in the audit log', async () => {
    await login.loginAs('auditor');
    await shell.open('audit');
    const audit = new AuditLogPage(page);
    await audit.filter({ username: 'clinic', action: 'person.reveal' });
    const rows = audit.rows('person.reveal');
    await expect(rows.first()).toBeVisible();
    await expect(rows.first().getByTestId('audit-username')).toHaveText('clinic');
    await audit.verify.click();
    await expect(audit.verifyResult).toContainText('哈希链完整');
  });
});

test('a wrong password shows the Chinese error message', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await login.submitCredentials('clinic2', 'not-the-password');
  await expect(login.error).toHaveText('用户名或密码错误');
  await expect(page).toHaveURL(/\/login/);
});

test('the system administrator sees institutions in the navigation but not people', async ({ page }) => {
  const login = new LoginPage(page);
  const shell = new AppShell(page);
  await login.loginAs('sysadmin');
  await expect(shell.navLink('institutions')).toBeVisible();
  await expect(shell.navLink('people')).toHaveCount(0);
  await expect(shell.navLink('person-register')).toHaveCount(0);
  await expect(shell.navLink('audit')).toHaveCount(0);
  await shell.open('institutions');
  await expect(page.getByTestId('inst-table')).toContainText('定海区妇幼保健院');
});
