import { expect, type Locator, type Page } from '@playwright/test';

/** The person search page. */
export class PersonSearchPage {
  readonly input: Locator;
  readonly results: Locator;

  constructor(readonly page: Page) {
    this.input = page.getByTestId('person-search-input');
    this.results = page.getByTestId('person-results');
  }

  async search(q: string) {
    await this.input.fill(q);
    await this.input.press('Enter');
    await expect(this.page).toHaveURL(new RegExp(`q=${encodeURIComponent(q)}`));
  }

  /** The result row showing `name`. */
  row(name: string): Locator {
    return this.results.locator('tbody tr', { hasText: name });
  }

  async openPerson(name: string) {
    await this.row(name).getByTestId('person-link').click();
    await expect(this.page.getByTestId('person-title')).toHaveText(name);
  }
}
