import { expect, type Locator, type Page } from '@playwright/test';

/** The child-health pages: register a child, the child's page, the check-up form. */
export class ChildPages {
  constructor(readonly page: Page) {}

  field(name: string): Locator {
    return this.page.getByTestId(`child-${name}`);
  }

  /** Picks a date in an antd DatePicker by typing it. */
  async typeDate(picker: Locator, date: string) {
    await picker.click();
    await picker.fill(date);
    await picker.press('Enter');
  }

  async chooseRegion(picker: Locator, names: string[]) {
    await picker.click();
    for (const name of names) {
      await this.page
        .locator('.ant-cascader-dropdown:visible .ant-cascader-menu-item', { hasText: name })
        .first()
        .click();
    }
    await this.page.keyboard.press('Escape');
  }

  /** Registers a child directly and waits for the child's page. */
  async register(c: { name: string; sex: '男' | '女'; birthDate: string; weightG: number; weeks: number }) {
    await this.page.goto('/children/new');
    await this.field('name').fill(c.name);
    await this.field('sex').getByText(c.sex, { exact: true }).click();
    await this.typeDate(this.field('birthDate'), c.birthDate);
    await this.chooseRegion(this.field('residence'), ['定海区', '临城街道']);
    await this.field('gestationalWeeks').fill(String(c.weeks));
    await this.field('birthWeightG').fill(String(c.weightG));
    await this.field('submit').click();
    await expect(this.page.getByTestId('child-title')).toHaveText(c.name);
  }

  /** Opens the check-up form, fills the measurements, saves. */
  async recordCheckup(m: { weightKg: number; lengthCm: number; hbGL?: number }) {
    await this.page.getByTestId('checkup-new').click();
    await this.page.getByTestId('checkup-weightKg').fill(String(m.weightKg));
    await this.page.getByTestId('checkup-lengthCm').fill(String(m.lengthCm));
    if (m.hbGL !== undefined) await this.page.getByTestId('checkup-hbGL').fill(String(m.hbGL));
    await this.page.getByTestId('checkup-save').click();
    await expect(this.page.getByTestId('checkup-result')).toBeVisible();
  }
}
