import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

// One page of each type, in both themes: zero axe violations is the bar.
const pages = ["/", "/troubleshooting", "/troubleshooting/invalid-client", "/troubleshooting/no-such-entry", "/codes", "/codes/invalid_client"];

for (const colorScheme of ["light", "dark"] as const) {
  for (const path of pages) {
    test(`${path} has no axe violations (${colorScheme})`, async ({ page }) => {
      test.setTimeout(60_000);
      await page.emulateMedia({ colorScheme });
      await page.goto(path);
      const results = await new AxeBuilder({ page }).analyze();
      const summary = results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).slice(0, 3).join(", ")}`);
      expect(summary).toEqual([]);
    });
  }
}

test("the catalogue can be used with the keyboard alone", async ({ page }) => {
  await page.goto("/troubleshooting");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  await page.keyboard.press("Enter");
  // After skipping, Tab reaches the first area link in the main content.
  await page.keyboard.press("Tab");
  const focused = await page.evaluate(() => document.activeElement?.closest("main") !== null);
  expect(focused).toBe(true);
});
