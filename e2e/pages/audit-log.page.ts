import { expect, type Locator, type Page } from '@playwright/test';

/** The audit log page. */
export class AuditLogPage {
  readonly username: Locator;
  readonly action: Locator;
  readonly search: Locator;
  readonly table: Locator;
  readonly verify: Locator;
  readonly verifyResult: Locator;

  constructor(readonly page: Page) {
    this.username = page.getByTestId('audit-filter-username');
    this.action = page.getByTestId('audit-filter-action').locator('input');
    this.search = page.getByTestId('audit-search');
    this.table = page.getByTestId('audit-table');
    this.verify = page.getByTestId('audit-verify');
    this.verifyResult = page.getByTestId('audit-verify-result');
  }

  /** Filters by user and action code and waits for the table to show rows of that action. */
  async filter(f: { username?: string; action?: string }) {
    if (f.username !== undefined) await this.username.fill(f.username);
    if (f.action !== undefined) {
      await this.action.fill(f.action);
      await this.page.keyboard.press('Escape');
    }
    await this.search.click();
    await expect(this.table.locator('.ant-spin-spinning')).toHaveCount(0);
  }

  /** Table rows containing `text`. */
  rows(text: string): Locator {
    return this.table.locator('tbody tr', { hasText: text });
  }
}
