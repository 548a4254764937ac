import { expect, type Locator, type Page } from '@playwright/test';
import { chooseOption } from './widgets';

/** The exposed-infant part of the child's page: registering the exposure, the panel, the final-status form. */
export class ExposurePages {
  constructor(readonly page: Page) {}

  /** The final-status form (PMTCT users). */
  get finalForm(): Locator {
    return this.page.getByTestId('exposure-final');
  }

  /** A form item of the final-status form by its field name (its label, its control, its errors). */
  finalField(name: string): Locator {
    return this.finalForm
      .locator('.ant-form-item')
      .filter({ has: this.page.locator(`label[for="exposureFinal_${name}"]`) });
  }

  /** Registers the child as exposed to the mother's infections (zh-CN labels) and opens the panel. */
  async registerExposure(infections: string[]) {
    await this.page.getByRole('button', { name: '登记暴露儿童' }).click();
    const dialog = this.page.getByRole('dialog').filter({ hasText: '母亲感染' });
    for (const i of infections) await dialog.getByText(i, { exact: true }).click();
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    await expect(dialog).toBeHidden();
    await this.page.getByRole('tab', { name: '暴露儿童随访' }).click();
    await expect(this.finalForm).toBeVisible();
  }

  /** Chooses a result of an evidence select (e.g. 梅毒螺旋体IgM抗体 → 阳性). */
  async chooseEvidence(name: 'darkfieldOrPcr' | 'treponemalIgm', result: string) {
    await chooseOption(this.page, this.finalField(name).locator('.ant-select'), result);
  }

  /** Chooses the final status, saves and confirms. */
  async saveFinal(status: string) {
    await this.finalField('status').getByText(status, { exact: true }).click();
    await this.page.getByTestId('final-save').click();
    const confirm = this.page.locator('.ant-modal-confirm');
    await expect(confirm).toContainText(status);
    await confirm.getByRole('button', { name: /保\s*存/ }).click();
    await expect(confirm).toBeHidden();
  }
}
