import { expect, type Locator, type Page } from '@playwright/test';

/** The demo password of every demo account. */
export const DEMO_PASSWORD = 'Fuyou@2026';

/** The login page. */
export class LoginPage {
  readonly username: Locator;
  readonly password: Locator;
  readonly otp: Locator;
  readonly submit: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.username = page.getByTestId('login-username');
    this.password = page.getByTestId('login-password');
    this.otp = page.getByTestId('login-otp');
    this.submit = page.getByTestId('login-submit');
    this.error = page.getByTestId('login-error');
  }

  async goto() {
    await this.page.goto('/login');
    await expect(this.username).toBeVisible();
  }

  /** Types the credentials and submits (does not wait for the outcome). */
  async submitCredentials(username: string, password: string) {
    await this.username.fill(username);
    await this.password.fill(password);
    await this.submit.click();
  }

  /** Logs in and waits for the app shell. */
  async loginAs(username: string, password = DEMO_PASSWORD) {
    await this.goto();
    await this.submitCredentials(username, password);
    await expect(this.page.getByTestId('user-menu')).toBeVisible();
  }
}
