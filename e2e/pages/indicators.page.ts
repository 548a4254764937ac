import { expect, type Locator, type Page } from '@playwright/test';

/** The indicator dashboard (指标看板). */
export class DashboardPage {
  constructor(readonly page: Page) {}

  async goto(query = '') {
    await this.page.goto(`/indicators/dashboard${query}`);
    await expect(this.page.getByTestId('data-as-of').first()).toBeVisible();
  }

  /** The card of an indicator. */
  card(indicatorId: string): Locator {
    return this.page.getByTestId(`card-${indicatorId}`);
  }

  /** Every card that has a target and misses it. */
  notMetCards(): Locator {
    return this.page.locator('[data-testid^="card-"][data-evaluation="not_met"]');
  }

  /** Shows only the indicators that miss their targets. */
  async showNotMet() {
    await this.page.getByTestId('status-filter').getByText('未达标').click();
  }

  /** Opens the list behind a card (who was missed, for a higher-is-better rate). */
  async drillDown(card: Locator) {
    await card.getByTestId('card-drill').click();
  }

  trendChart(): Locator {
    return this.page.getByTestId('trend-chart');
  }

  rankingChart(): Locator {
    return this.page.getByTestId('ranking-chart');
  }
}

/** The list of people behind an indicator. */
export class MembersPage {
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByTestId('members-table');
  }

  rows(): Locator {
    return this.table.locator('tbody tr.ant-table-row');
  }

  /** The selected list (未达到者 / 分子名单 / 分母名单). */
  listSwitch(): Locator {
    return this.page.getByTestId('members-list');
  }

  async openFirst() {
    await this.table.getByTestId('member-link').first().click();
  }
}

/** The targets page (目标值管理). */
export class TargetsPage {
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByTestId('targets-table');
  }

  async goto(query = '') {
    await this.page.goto(`/indicators/targets${query}`);
    await expect(this.table).toBeVisible();
  }

  row(indicatorName: string): Locator {
    return this.table.locator('tbody tr').filter({ hasText: indicatorName });
  }
}
