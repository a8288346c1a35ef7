import { expect, test } from "@playwright/test";

// The library view: /libraries groups the libraries by stack, /libraries/<id> lists that
// library's messages with their entries, and its search keeps only the entries that explain
// what was pasted, among those quoting that library.

test("/libraries lists libraries by stack and links each to its messages", async ({ page }) => {
  await page.goto("/libraries");
  await expect(page.getByRole("heading", { level: 1, name: "Messages by library" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Java", exact: true })).toBeVisible();
  await page.getByRole("link", { name: "Spring Security", exact: true }).click();
  await expect(page).toHaveURL(/\/libraries\/spring-security$/);
  await expect(page.getByRole("heading", { level: 1, name: "Spring Security" })).toBeVisible();
});

test("a library page's search keeps the messages of the entries that explain a paste", async ({ page }) => {
  await page.goto("/libraries/spring-security");
  const items = page.locator("li[data-entry]");
  const slugs = await items.evaluateAll((elements) => elements.map((element) => element.getAttribute("data-entry") ?? ""));
  expect(new Set(slugs).size).toBeGreaterThan(3);
  const other = slugs.find((slug) => slug !== "aud-mismatch");
  expect(other).toBeDefined();

  const box = page.getByRole("searchbox", { name: "Paste what Spring Security printed" });
  await box.fill("[invalid_id_token] An error occurred while attempting to decode the Jwt: The ID Token contains invalid claims: {aud=[mobile-app]}");
  await expect(page.locator('li[data-entry="aud-mismatch"]').first()).toBeVisible();
  await expect(page.locator(`li[data-entry="${other}"]`).first()).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: /Showing \d+ of \d+ entries/ })).toBeVisible();

  // Only entries quoting Spring Security count: an Entra-only code finds nothing here.
  await box.fill("AADSTS7000222");
  await expect(page.getByRole("status").filter({ hasText: "No entry matches this filter." })).toBeVisible();
  await expect(items.first()).toBeHidden();

  await page.getByRole("button", { name: "Clear" }).click();
  await expect(items.first()).toBeVisible();
  await expect(page.locator(`li[data-entry="${other}"]`).first()).toBeVisible();
});

test("an unknown library is a 404", async ({ page }) => {
  const response = await page.goto("/libraries/no-such-library");
  expect(response?.status()).toBe(404);
});
