import { expect, type Locator, type Page } from '@playwright/test';
import { chooseCascader } from './widgets';

/** The person registration form. */
export class PersonRegisterPage {
  readonly name: Locator;
  readonly idNumber: Locator;
  readonly phone: Locator;
  readonly birthDate: Locator;
  readonly residence: Locator;
  readonly submit: Locator;

  constructor(readonly page: Page) {
    this.name = page.getByTestId('person-name');
    this.idNumber = page.getByTestId('person-id-number');
    this.phone = page.getByTestId('person-phone');
    // the date picker puts the test id on its input
    this.birthDate = page.getByTestId('person-birth-date');
    this.residence = page.getByTestId('person-residence');
    this.submit = page.getByTestId('person-register-submit');
  }

  /** The radio button of a sex label (女 / 男). */
  sexOption(label: string): Locator {
    return this.page.getByTestId('person-sex').getByText(label, { exact: true });
  }

  /** Picks a region in a cascader by the names along its path (e.g. 定海区, 临城街道). */
  async chooseRegion(picker: Locator, names: string[]) {
    await chooseCascader(this.page, picker, names);
  }

  /** Submits; when the duplicate check lists likely duplicates, confirms they are other people. */
  async submitConfirmingDuplicates() {
    await this.submit.click();
    const dialog = this.page.getByRole('dialog', { name: '发现可能重复的人员' });
    const detail = this.page.getByTestId('person-title');
    await expect(dialog.or(detail)).toBeVisible();
    if (await dialog.isVisible()) await dialog.getByRole('button', { name: '确认不是同一人，继续登记' }).click();
    await expect(detail).toBeVisible();
  }
}
