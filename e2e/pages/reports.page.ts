import { expect, type Locator, type Page } from '@playwright/test';
import { chooseOption } from './widgets';

/** The annual report page (妇幼年报). */
export class AnnualReportPage {
  readonly card: Locator;
  readonly careSection: Locator;
  readonly xlsx: Locator;
  readonly pdf: Locator;

  constructor(readonly page: Page) {
    this.card = page.getByTestId('report-card');
    this.careSection = page.getByTestId('report-section-care');
    this.xlsx = page.getByTestId('report-xlsx');
    this.pdf = page.getByTestId('report-pdf');
  }

  /** Picks a table (卫统41…46). */
  async chooseTable(code: string) {
    await this.page.getByTestId('report-table-select').getByText(code, { exact: true }).click();
  }

  /** Picks the population (户籍人口 / 常住人口). */
  async chooseBasis(label: string) {
    await this.page.getByTestId('report-basis').getByText(label, { exact: true }).click();
  }

  /** The row of a region in a section. */
  row(section: Locator, name: string): Locator {
    return section.locator('tr', { hasText: name });
  }
}

/** The summons page (约谈记录) with its create dialog and detail drawer. */
export class SummonsPage {
  readonly table: Locator;
  readonly newButton: Locator;
  readonly drawer: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByTestId('summons-table');
    this.newButton = page.getByTestId('summons-new');
    this.drawer = page.getByTestId('summons-drawer');
  }

  /** Records a summons of an institution with two attendees and one action (due in 30 days by default). */
  async recordInstitutionSummons(o: {
    institution: string;
    reason: string;
    attendees: [string, string];
    action: string;
    responsible: string;
  }) {
    await this.newButton.click();
    const dialog = this.page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    const select = this.page.getByTestId('summons-institution');
    await select.click();
    await select.locator('input').fill(o.institution);
    await chooseOption(this.page, select, o.institution);
    await this.page.getByTestId('summons-reason').fill(o.reason);
    await this.page.getByTestId('attendee-name-0').fill(o.attendees[0]);
    await this.page.getByTestId('attendee-name-1').fill(o.attendees[1]);
    await this.page.getByTestId('action-desc-0').fill(o.action);
    await this.page.getByTestId('action-resp-0').fill(o.responsible);
    await this.page.getByTestId('summons-save').click();
    await expect(dialog).toBeHidden();
  }

  /** The row of a summons by its reason. */
  row(reason: string): Locator {
    return this.table.locator('tr', { hasText: reason });
  }

  /** Closes the detail drawer. */
  async closeDrawer() {
    await this.page.getByRole('dialog').getByRole('button', { name: '关闭' }).click();
    await expect(this.drawer).toBeHidden();
  }

  /** Marks the first open action of the open drawer done, with a note. */
  async completeFirstAction(note: string) {
    await this.drawer.getByTestId('action-complete').first().click();
    await this.page.getByTestId('action-note').fill(note);
    await this.page.getByTestId('action-complete-ok').click();
  }
}
