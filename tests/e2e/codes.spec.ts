import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";

// The registry snapshot kept in the repository, so this runs from a clean clone.
function ianaCodes(): string[] {
  const text = readFileSync(new URL("../fixtures/iana-oauth-extensions-errors.tsv", import.meta.url), "utf8");
  const names = text
    .split("\n")
    .filter((line) => line.trim() && !line.startsWith("#") && !line.startsWith("name\t"))
    .map((line) => line.split("\t")[0] ?? "");
  return [...new Set(names)];
}

test("every IANA-registered error code has a reference page", async ({ request }) => {
  const missing: string[] = [];
  for (const code of ianaCodes()) {
    const response = await request.get(`/codes/${encodeURIComponent(code)}`);
    if (response.status() !== 200 || !(await response.text()).includes(code)) missing.push(code);
  }
  expect(missing).toEqual([]);
});

test("a code page lists both meanings of access_denied and links to entries", async ({ page }) => {
  await page.goto("/codes/invalid_client");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("invalid_client");
  await expect(page.locator('a[href="/troubleshooting/invalid-client"]').first()).toBeVisible();
  await page.goto("/codes/access_denied");
  await expect(page.getByText("RFC 8628").first()).toBeVisible();
  await expect(page.getByText("RFC 6749").first()).toBeVisible();
});

test("a code or entry URL in the wrong letter case redirects permanently to the canonical one", async ({ request }) => {
  const cases: Array<[from: string, to: string]> = [
    ["/codes/INVALID_CLIENT", "/codes/invalid_client"],
    ["/codes/aadsts50011", "/codes/AADSTS50011"],
    ["/troubleshooting/Invalid-Client", "/troubleshooting/invalid-client"],
  ];
  for (const [from, to] of cases) {
    const response = await request.get(from, { maxRedirects: 0 });
    expect(response.status(), from).toBe(308);
    expect(new URL(response.headers()["location"] ?? "", "http://x").pathname, from).toBe(to);
  }
  expect((await request.get("/codes/no_such_code")).status()).toBe(404);
});
