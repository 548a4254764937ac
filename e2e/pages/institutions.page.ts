import { expect, type Locator, type Page } from '@playwright/test';
import { chooseCascader, chooseOption } from './widgets';

/** The institutions page of the system administrator. */
export class InstitutionsPage {
  readonly create: Locator;
  readonly search: Locator;
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.create = page.getByTestId('inst-create');
    this.search = page.getByTestId('inst-search');
    this.table = page.getByTestId('inst-table');
  }

  async createInstitution(f: { code: string; name: string; type: string; region: string[]; capabilities: string[] }) {
    await this.create.click();
    const dialog = this.page.getByRole('dialog', { name: '新建机构' });
    await dialog.getByTestId('inst-code').fill(f.code);
    await dialog.getByTestId('inst-name').fill(f.name);
    await chooseOption(this.page, dialog.getByTestId('inst-type'), f.type);
    await chooseCascader(this.page, dialog.getByTestId('inst-region'), f.region);
    for (const c of f.capabilities) await dialog.getByLabel(c, { exact: true }).check();
    await dialog.getByRole('button', { name: '保 存' }).click();
    await expect(dialog).toBeHidden();
  }

  async find(q: string) {
    await this.search.fill(q);
    await this.search.press('Enter');
  }

  row(text: string): Locator {
    return this.table.locator('tbody tr', { hasText: text });
  }
}
