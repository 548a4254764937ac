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

  /** Logs out from the user menu (again if a click fell into the menu's opening animation on a busy machine). */
  async logout() {
    const login = this.page.getByTestId('login-username');
    await expect(async () => {
      if (await login.isVisible()) return;
      if (!(await this.page.getByTestId('logout').isVisible())) await this.userMenu.click();
      await this.page.getByTestId('logout').click({ timeout: 3_000 });
      await expect(login).toBeVisible({ timeout: 5_000 });
    }).toPass({ timeout: 30_000 });
  }
}
