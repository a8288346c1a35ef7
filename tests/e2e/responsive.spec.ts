import { expect, test } from "@playwright/test";

test("an entry page fits a phone screen without horizontal scrolling", async ({ page }) => {
  await page.goto("/troubleshooting/invalid-client");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test("the catalogue fits a phone screen", async ({ page }) => {
  await page.goto("/troubleshooting");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
