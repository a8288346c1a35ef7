import { expect, test } from "@playwright/test";

// These journeys use the invalid-client entry: its slug, alias and cause ids are permanent.
const slug = "invalid-client";
const alias = "token-401-invalid-client";
const causeId = "secret-rotated";

test("the catalogue lists every entry from /api/entries, grouped by area in order", async ({ page, request }) => {
  const { entries } = await (await request.get("/api/entries")).json();
  await page.goto("/troubleshooting");
  await expect(page.getByRole("heading", { level: 1, name: "Troubleshooting" })).toBeVisible();
  const rendered = await page.locator("article[data-entry]").evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-entry")));
  expect(rendered).toEqual(entries.map((entry: { slug: string }) => entry.slug));
  const areas = await page.locator("section[data-area]").evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-area")));
  expect(areas[0]).toBe("oauth-flow");
  expect(new Set(areas).size).toBe(areas.length);
});

test("an entry anchor and a cause anchor scroll to the right place", async ({ page }) => {
  await page.goto(`/troubleshooting#${slug}--${causeId}`);
  const cause = page.locator(`[id="${slug}--${causeId}"]`);
  await expect(cause).toBeInViewport();
  await expect(cause.getByRole("heading")).toHaveText("The secret was rotated and the RP still sends the old one");

  await page.goto(`/troubleshooting/${slug}#${slug}--${causeId}`);
  await expect(page.locator(`[id="${slug}--${causeId}"]`)).toBeInViewport();
});

test("a retired slug redirects with 308 to the entry", async ({ page, request }) => {
  const response = await request.get(`/troubleshooting/${alias}`, { maxRedirects: 0 });
  expect(response.status()).toBe(308);
  expect(response.headers()["location"]).toBe(`/troubleshooting/${slug}`);
  await page.goto(`/troubleshooting/${alias}`);
  await expect(page).toHaveURL(new RegExp(`/troubleshooting/${slug}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("401 invalid_client from the token endpoint");
});

test("a retired slug in the catalogue's hash is rewritten to the current one", async ({ page }) => {
  await page.goto(`/troubleshooting#${alias}`);
  // The rewrite runs once the page has hydrated.
  await expect(page).toHaveURL(new RegExp(`/troubleshooting#${slug}$`));
  await expect(page.locator(`article[id="${slug}"]`)).toBeInViewport();
});

test("copy link puts the entry's and the cause's absolute URLs on the clipboard", async ({ page, context, baseURL }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/troubleshooting");
  const article = page.locator(`article[id="${slug}"]`);
  await article.getByRole("button", { name: /Copy link to 401 invalid_client/ }).click();
  const button = article.getByRole("button", { name: /Copy link to 401 invalid_client/ });
  await expect(button).toHaveAttribute("data-state", "copied");
  // The result shows over the label (CSS), in the button's own box.
  expect(await button.evaluate((element) => getComputedStyle(element, "::after").content)).toBe('"Copied"');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}/troubleshooting#${slug}`);

  await page.goto(`/troubleshooting/${slug}`);
  await page.getByRole("button", { name: "Copy link to cause: The secret was rotated and the RP still sends the old one" }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}/troubleshooting/${slug}#${slug}--${causeId}`);
});

test("code blocks are highlighted at build time and have a copy button", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto(`/troubleshooting/${slug}`);
  const block = page.locator("pre[data-language=bash]").first();
  await expect(block.locator("span[style*='--shiki-light']").first()).toBeAttached();
  await page.getByRole("button", { name: "Copy code" }).nth(1).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('echo "$LOGI_CLIENT_ID"');
});

test("dark mode follows the system and the toggle overrides it across reloads", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/troubleshooting/invalid-client");
  const html = page.locator("html");
  await expect(html).toHaveClass(/dark/);
  await page.getByRole("button", { name: "Switch to light theme" }).click();
  await expect(html).not.toHaveClass(/dark/);
  await page.reload();
  await expect(html).not.toHaveClass(/dark/);
  await page.getByRole("button", { name: "Switch to dark theme" }).click();
  await expect(html).toHaveClass(/dark/);

  await page.evaluate(() => localStorage.removeItem("theme"));
  await page.emulateMedia({ colorScheme: "light" });
  await page.reload();
  await expect(html).not.toHaveClass(/dark/);
});

test("an unknown entry gets a helpful 404", async ({ page }) => {
  const response = await page.goto("/troubleshooting/no-such-entry");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await expect(page.getByRole("searchbox")).toBeVisible();
  await expect(page.getByRole("link", { name: "Browse the whole catalogue" })).toHaveAttribute("href", "/troubleshooting");
});

test("/api/entries returns structured symptom, causes and fix", async ({ request }) => {
  const response = await request.get("/api/entries");
  expect(response.headers()["content-type"]).toContain("application/json");
  const { entries } = await response.json();
  const entry = entries.find((candidate: { slug: string }) => candidate.slug === slug);
  expect(entry).toMatchObject({
    slug,
    area: "oauth-flow",
    http: [401],
    aliases: [alias],
    url: `/troubleshooting/${slug}`,
    updated: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
  });
  // Its own code first; vendor codes its causes explain (deleted_client, AADSTS7000112) follow.
  expect(entry.codes[0]).toBe("invalid_client");
  expect(entry.codes).toEqual(expect.arrayContaining(["invalid_client", "deleted_client"]));
  expect(entry.symptom).toContain("401");
  expect(entry.causes.map((cause: { id: string }) => cause.id)).toContain(causeId);
  expect(entry.fix).toContain("Reveal current secret");
});
