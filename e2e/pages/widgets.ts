import { expect, type Locator, type Page } from '@playwright/test';

/** Picks a region in an antd cascader by the names along its path (e.g. 浙江省, 舟山市, 定海区). */
export async function chooseCascader(page: Page, picker: Locator, names: string[]) {
  await picker.click();
  const dropdown = page.locator('.ant-cascader-dropdown:visible');
  for (const name of names) {
    await dropdown.locator('.ant-cascader-menu-item', { hasText: name }).first().click();
  }
  // a leaf closes the dropdown itself (with an animation); above the leaves it stays open until the picker is
  // clicked again
  const closed = await dropdown
    .first()
    .waitFor({ state: 'hidden', timeout: 1500 })
    .then(() => true)
    .catch(() => false);
  if (!closed) await picker.click();
  await dropdown.first().waitFor({ state: 'hidden' });
}

/**
 * Picks an option of an antd select by its visible text. A click that lands while a dialog is still opening can
 * leave the dropdown shut (seen in CI), so the select is clicked again until the option shows.
 */
export async function chooseOption(page: Page, select: Locator, option: string) {
  const item = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first();
  await expect(async () => {
    if (!(await item.isVisible())) await select.click();
    await expect(item).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  await item.click();
}
