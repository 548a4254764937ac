import { expect, type Locator, type Page } from '@playwright/test';

/** The logged-in shell: side navigation and the header's user menu. */
export class AppShell {
  readonly sideNav: Locator;
  readonly userMenu: Locator;

  constructor(readonly page: Page) {
    this.sideNav = page.getByTestId('side-nav');
    this.userMenu = page.getByTestId('user-menu');
  }

  /** The navigation link of a module registry entry. */
  navLink(key: string): Locator {
    return this.page.getByTestId(`nav-${key}`);
  }

  /** Opens a module from the side navigation. */
  async open(key: string) {
    await this.navLink(key).click();
  }

  async logout() {
    await this.userMenu.click();
    await this.page.getByTestId('logout').click();
    await expect(this.page.getByTestId('login-username')).toBeVisible();
  }
}
