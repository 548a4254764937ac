import { expect, type Locator, type Page } from '@playwright/test';

/** 'YYYY-MM-DD' `days` before today (Asia/Shanghai). */
export function daysAgo(days: number): string {
  return new Date(Date.now() + 8 * 3_600_000 - days * 86_400_000).toISOString().slice(0, 10);
}

/** The maternal-care pages: registration, the woman's page with its forms, the case page, the ledger. */
export class MaternalPages {
  constructor(readonly page: Page) {}

  byTest(id: string): Locator {
    return this.page.getByTestId(id);
  }

  /** Types a date into an antd DatePicker (the test id sits on its input); Tab leaves it (Enter would submit). */
  async typeDate(picker: Locator, date: string) {
    await picker.click();
    await picker.fill(date);
    await picker.press('Tab');
    await expect(picker).toHaveValue(date);
  }

  /** Picks an institution in an InstitutionSelect by typing part of its name. */
  async chooseInstitution(select: Locator, name: string) {
    await select.click();
    await this.page.keyboard.type(name);
    await this.page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: name }).first().click();
  }

  /** Closes the information modal antd shows after a save. */
  async acknowledgeInfo() {
    const dialog = this.page.locator('.ant-modal-confirm');
    const ok = dialog.locator('.ant-modal-confirm-btns button').first();
    // a click while the modal is still opening can be lost (seen in CI): click again while it stays
    await expect(async () => {
      if ((await dialog.count()) > 0) await ok.click({ timeout: 5_000 });
      await expect(dialog).toHaveCount(0, { timeout: 8_000 });
    }).toPass({ timeout: 40_000 });
  }

  /** From the worklist: 孕产妇建册, find the woman by her ID number and choose her. */
  async chooseWomanToRegister(idNumber: string, name: string) {
    await this.byTest('maternal-register').click();
    const box = this.page
      .locator('input[data-testid="preg-person-search"], [data-testid="preg-person-search"] input')
      .first();
    await box.fill(idNumber);
    await box.press('Enter');
    await this.byTest('preg-person-pick').first().click();
    await expect(this.byTest('preg-person-name')).toHaveText(name);
  }

  /** Fills the registration form of the chosen woman and waits for her page. */
  async fillRegistration(r: { lmp: string; registeredOn: string; heightCm: number; weightKg: number }) {
    await this.typeDate(this.byTest('preg-registeredOn'), r.registeredOn);
    await this.typeDate(this.byTest('preg-lmp'), r.lmp);
    await this.byTest('preg-gravidity').fill('2');
    await this.byTest('preg-parity').fill('1');
    await this.byTest('preg-heightCm').fill(String(r.heightCm));
    await this.byTest('preg-prePregnancyWeightKg').fill(String(r.weightKg));
    await this.byTest('preg-submit').click();
    await expect(this.byTest('woman-title')).toBeVisible();
  }

  /** Registers a pregnancy for a woman of the person index (by id) and waits for her page. */
  async register(personId: string, r: { lmp: string; registeredOn: string; heightCm: number; weightKg: number }) {
    await this.page.goto(`/maternal/register?personId=${personId}`);
    await expect(this.byTest('preg-person-name')).toBeVisible();
    await this.fillRegistration(r);
  }

  /**
   * Confirms the antd confirmation dialog by its OK button's test id. A click that lands while the dialog is still
   * opening can be lost (seen once in CI), so it is clicked again while the dialog stays; a click during the save
   * is harmless (the OK button is loading and ignores it).
   */
  async confirm(testId: string) {
    const dialog = this.page.locator('.ant-modal-confirm');
    await expect(async () => {
      if ((await dialog.count()) > 0) await this.byTest(testId).click({ timeout: 5_000 });
      await expect(dialog).toHaveCount(0, { timeout: 8_000 });
    }).toPass({ timeout: 40_000 });
  }

  /** Records an antenatal visit from the woman's page. */
  async recordVisit(v: { date: string; weightKg: number; systolic: number; diastolic: number; hbGL: number }) {
    await this.byTest('visit-new').click();
    await this.typeDate(this.byTest('visit-visitDate'), v.date);
    await this.byTest('visit-weightKg').fill(String(v.weightKg));
    await this.byTest('visit-systolicMmHg').fill(String(v.systolic));
    await this.byTest('visit-diastolicMmHg').fill(String(v.diastolic));
    await this.byTest('visit-hbGL').fill(String(v.hbGL));
    await this.byTest('visit-save').click();
    await expect(this.byTest('visit-result')).toBeVisible();
    await this.acknowledgeInfo();
  }
}
