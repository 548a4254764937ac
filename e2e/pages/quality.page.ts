import { expect, type Locator, type Page } from '@playwright/test';

/** The data-quality pages: the overview (run now, scores) and the problem list. */
export class QualityPages {
  constructor(readonly page: Page) {}

  byTest(id: string): Locator {
    return this.page.getByTestId(id);
  }

  /** Runs the checks now and waits until the page shows the finished run. */
  async runNow() {
    await this.byTest('quality-run-now').click();
    await expect(this.byTest('quality-pending')).toBeVisible();
    // the server's job runner picks the run up within seconds; the page polls and refreshes itself
    await expect(this.byTest('quality-pending')).toBeHidden({ timeout: 60_000 });
    await expect(this.byTest('quality-runs').locator('.ant-tag', { hasText: '完成' }).first()).toBeVisible();
  }

  async openProblems() {
    await this.byTest('quality-problems-link').click();
    await expect(this.byTest('problems-table')).toBeVisible();
  }

  /** Searches the problem list by name. */
  async searchName(name: string) {
    // antd puts the test id on the search's <input> itself
    await this.byTest('problems-search').fill(name);
    await this.byTest('problems-search').press('Enter');
  }

  /** The rows of the problem list. */
  rows(): Locator {
    return this.byTest('problems-table').locator('tbody tr.ant-table-row');
  }
}
