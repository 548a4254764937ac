import { expect, test } from '@playwright/test';
import { AccountPages } from './pages/account.page';
import { AppShell } from './pages/app-shell.page';
import { LoginPage } from './pages/login.page';
import { UsersPage } from './pages/users.page';
import { totpCode } from './support/totp';

test('a new clinician gets a one-time password, must change it, sets up TOTP and then logs in with a code', async ({
  page,
}) => {
  const login = new LoginPage(page);
  const shell = new AppShell(page);
  const account = new AccountPages(page);
  const username = `nurse-${Date.now().toString(36)}`;
  const newPassword = 'Zhoushan#2026-fy';
  let oneTime = '';
  let secret = '';

  await test.step('the security administrator creates the account and sees its one-time password once', async () => {
    await login.loginAs('secadmin');
    await shell.open('users');
    oneTime = await new UsersPage(page).createClinician(username, '定海一社区 护士', '定海区第一社区卫生服务中心');
    expect(oneTime).toMatch(/^Fy-/);
    await expect(page.getByTestId('user-table')).toContainText(username);
    await shell.logout();
  });

  await test.step('the clinician logs in with it and must change the password first', async () => {
    await login.goto();
    await login.submitCredentials(username, oneTime);
    await expect(page).toHaveURL(/\/account\/password$/);
    await expect(page.getByTestId('forced-password-notice')).toBeVisible();
    await expect(shell.sideNav).toHaveCount(0);
    await account.changePassword(oneTime, newPassword);
    await expect(page).toHaveURL(/\/$/);
    await expect(shell.navLink('people')).toBeVisible();
  });

  await test.step('she sets up two-factor authentication', async () => {
    await shell.userMenu.click();
    await page.getByTestId('menu-totp').click();
    secret = await account.beginTotp();
    await account.enableTotp(totpCode(secret));
    await expect(page).toHaveURL(/\/$/);
    await shell.logout();
  });

  await test.step('from now on the login asks for the one-time code', async () => {
    await login.goto();
    await login.submitCredentials(username, newPassword);
    await expect(login.otp).toBeVisible();
    await expect(login.error).toHaveText('请输入动态验证码');
    await login.otp.fill(totpCode(secret));
    await login.submit.click();
    await expect(shell.userMenu).toContainText('定海一社区 护士');
  });
});

test('the language switch shows the app in English and is remembered', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await page.getByTestId('lang-switch').getByText('EN').click();
  await expect(login.submit).toHaveText('Log in');
  await page.reload();
  await expect(login.submit).toHaveText('Log in');
  await login.submitCredentials('clinic', 'wrong-password-1');
  await expect(login.error).toHaveText('Wrong username or password');
});
