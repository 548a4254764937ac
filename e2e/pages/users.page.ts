import { expect, type Locator, type Page } from '@playwright/test';

/** The users page of the security administrator. */
export class UsersPage {
  readonly create: Locator;
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.create = page.getByTestId('user-create');
    this.table = page.getByTestId('user-table');
  }

  /** Creates a clinician of the institution found by `institution`, and returns the one-time password shown. */
  async createClinician(username: string, displayName: string, institution: string): Promise<string> {
    await this.create.click();
    const dialog = this.page.getByRole('dialog', { name: '新建用户' });
    await dialog.getByTestId('user-username').fill(username);
    await dialog.getByTestId('user-display-name').fill(displayName);
    await dialog.getByTestId('user-institution').click();
    await this.page.keyboard.type(institution);
    await this.page.locator('.ant-select-item-option', { hasText: institution }).first().click();
    await dialog.getByRole('button', { name: '保 存' }).click();
    const shown = this.page.getByTestId('one-time-password');
    await expect(shown).toBeVisible();
    const password = (await shown.textContent())?.trim() ?? '';
    await this.page.getByRole('button', { name: '我已记下' }).click();
    return password;
  }
}
