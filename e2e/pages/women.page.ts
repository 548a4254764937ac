import { expect, type Locator, type Page } from '@playwright/test';
import { chooseOption } from './widgets';

/** The women's-health pages: two-cancer screening form, the record with its follow-up case, the worklist. */
export class WomenPages {
  constructor(readonly page: Page) {}

  byTestId(id: string): Locator {
    return this.page.getByTestId(id);
  }

  /** Types a date into an antd DatePicker (the test id is on its input). */
  async typeDate(picker: Locator, date: string) {
    await picker.click();
    await picker.fill(date);
    await picker.press('Tab');
  }

  /** Opens the screening form for a woman and kind. */
  async openScreeningForm(personId: string, kind: 'cervical' | 'breast' = 'cervical') {
    await this.page.goto(`/women/cancer-screenings/new?personId=${personId}&kind=${kind}`);
    await expect(this.byTestId('screening-eligibility')).toBeVisible();
  }

  /** Records a cervical screening by HPV genotyping with the positive types. */
  async recordHpvPositive(types: string[]) {
    await this.byTestId('hpv-result').getByText('阳性', { exact: true }).click();
    for (const t of types) await chooseOption(this.page, this.byTestId('hpv-types'), `HPV${t}`);
    await this.page.keyboard.press('Escape');
    await this.save();
  }

  async save() {
    await this.byTestId('screening-submit').click();
    await expect(this.byTestId('pathway-next')).toBeVisible();
  }

  /** Records the next case step with the options given (the step defaults to the suggested one). */
  async recordStep(opts: { event?: string; result?: string; method?: string; note?: string } = {}) {
    const before = await this.byTestId('case-steps').locator('.ant-timeline-item').count();
    if (opts.event) await chooseOption(this.page, this.byTestId('step-event'), opts.event);
    if (opts.result) await chooseOption(this.page, this.byTestId('step-result'), opts.result);
    if (opts.method) await chooseOption(this.page, this.byTestId('step-method'), opts.method);
    if (opts.note) await this.byTestId('step-note').fill(opts.note);
    await this.byTestId('step-save').click();
    await expect(this.byTestId('case-steps').locator('.ant-timeline-item')).toHaveCount(before + 1);
  }

  /** Opens the birth-defect card dialog from a button (maternal pages, worklist) and waits for the prefill. */
  async fileCardFromButton(button: Locator) {
    await button.click();
    await expect(this.byTestId('bd-card-modal')).toBeVisible();
    await expect(this.byTestId('bd-submit')).toBeEnabled();
  }
}
