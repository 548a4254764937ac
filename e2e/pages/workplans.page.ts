import { expect, type Locator, type Page } from '@playwright/test';

/** The work-plan pages: the list, a plan's tasks, the progress form and history. */
export class WorkPlanPages {
  constructor(readonly page: Page) {}

  byTest(id: string): Locator {
    return this.page.getByTestId(id);
  }

  async openPlan(title: string) {
    await this.byTest('plans-table').getByRole('link', { name: title }).click();
    await expect(this.byTest('plan-tasks').first()).toBeVisible();
  }

  /** The row of a task by its number in the document, e.g. （一）. */
  task(code: string): Locator {
    return this.byTest('plan-tasks').locator('tbody tr.ant-table-row', { hasText: code }).first();
  }

  /** Reports progress on a task through its form. */
  async report(code: string, note: string, opts: { status?: string } = {}) {
    await this.task(code).getByTestId('task-report').click();
    const dialog = this.page.locator('.ant-modal:visible');
    await dialog.getByTestId('progress-note').fill(note);
    if (opts.status) {
      await dialog.getByTestId('progress-status').click();
      await this.page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: opts.status }).click();
    }
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    await expect(dialog).toBeHidden();
  }
}
