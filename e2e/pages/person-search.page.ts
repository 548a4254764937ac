import { expect, type Locator, type Page } from '@playwright/test';

/** The person search page. */
export class PersonSearchPage {
  readonly input: Locator;
  readonly results: Locator;

  constructor(readonly page: Page) {
    this.input = page.getByTestId('person-search-input');
    this.results = page.getByTestId('person-results');
  }

  /** Types `q` and presses Enter; types again if the page was still rendering and lost the text (as a user would). */
  async search(q: string) {
    const url = new RegExp(`q=${encodeURIComponent(q)}`);
    await expect(async () => {
      await this.input.fill(q);
      await expect(this.input).toHaveValue(q, { timeout: 1_000 });
      await this.input.press('Enter');
      await expect(this.page).toHaveURL(url, { timeout: 3_000 });
    }).toPass({ timeout: 20_000 });
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
