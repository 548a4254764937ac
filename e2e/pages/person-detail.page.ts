import type { Locator, Page } from '@playwright/test';

/** A person's record page. */
export class PersonDetailPage {
  readonly title: Locator;
  readonly idNumber: Locator;
  readonly phone: Locator;
  readonly revealIdNumber: Locator;
  readonly revealPhone: Locator;

  constructor(readonly page: Page) {
    this.title = page.getByTestId('person-title');
    this.idNumber = page.getByTestId('idNumber-value');
    this.phone = page.getByTestId('phone-value');
    this.revealIdNumber = page.getByTestId('reveal-idNumber');
    this.revealPhone = page.getByTestId('reveal-phone');
  }
}
