import { expect, test } from "@playwright/test";

// Runs in the phone project (Pixel 7): no page may scroll sideways. Wide tables and code blocks
// scroll inside their own boxes; long identifiers in running text wrap.
const pages = [
  "/",
  "/troubleshooting",
  "/troubleshooting/invalid-client",
  "/troubleshooting/jwks-key-rotation",
  "/codes",
  "/codes/invalid_client",
  "/mock-idp/login",
];

for (const path of pages) {
  test(`${path} fits a phone screen without horizontal scrolling`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
}

test("the header keeps search and the theme toggle on the first row, the nav below", async ({ page }) => {
  await page.goto("/troubleshooting/invalid-client");
  const banner = page.getByRole("banner");
  const search = await banner.getByRole("button", { name: "Search", exact: true }).boundingBox();
  const nav = await banner.getByRole("navigation", { name: "Main" }).boundingBox();
  expect(search && nav && nav.y > search.y).toBe(true);
});
