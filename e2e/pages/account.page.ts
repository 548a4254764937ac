import { expect, type Page } from '@playwright/test';

/** The change-password and TOTP set-up pages. */
export class AccountPages {
  constructor(readonly page: Page) {}

  async changePassword(oldPassword: string, newPassword: string) {
    await this.page.getByTestId('old-password').fill(oldPassword);
    await this.page.getByTestId('new-password').fill(newPassword);
    await this.page.getByTestId('confirm-password').fill(newPassword);
    await this.page.getByTestId('change-password-submit').click();
  }

  /** Starts the TOTP set-up and returns the secret shown. */
  async beginTotp(): Promise<string> {
    await this.page.getByTestId('totp-begin').click();
    const secret = this.page.getByTestId('totp-secret');
    await expect(secret).toBeVisible();
    return ((await secret.textContent()) ?? '').replace(/\s/g, '');
  }

  async enableTotp(code: string) {
    await this.page.getByTestId('totp-code').fill(code);
    await this.page.getByTestId('totp-enable').click();
  }
}
