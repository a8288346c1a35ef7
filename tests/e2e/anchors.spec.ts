import { expect, test } from "@playwright/test";

// Published anchors keep landing after a rename. The invalid-client entry was renamed from
// token-401-invalid-client; the Step 3 playground entry's cause playground-auth-other was renamed
// to playground-resource-client-stale and keeps the old id as a cause alias.
const entry = "playground-jwt-bearer-invalid-client";
const oldCause = "playground-auth-other";
const newCause = "playground-resource-client-stale";
const slug = "invalid-client";
const alias = "token-401-invalid-client";
const causeId = "secret-rotated";

// The rewrite waits for hydration, which the one-page catalogue takes a while to reach on a busy machine.
const hydrated = { timeout: 15_000 };

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

test("an entry page rewrites a retired cause id to the current anchor and scrolls to it", async ({ page }) => {
  await page.goto(`/troubleshooting/${entry}#${entry}--${oldCause}`);
  await expect(page).toHaveURL(new RegExp(`/troubleshooting/${entry}#${escaped(`${entry}--${newCause}`)}$`), hydrated);
  await expect(page.locator(`[id="${entry}--${newCause}"]`)).toBeInViewport();
});

test("an entry page takes a bare cause id, retired or current", async ({ page }) => {
  await page.goto(`/troubleshooting/${entry}#${oldCause}`);
  await expect(page).toHaveURL(new RegExp(`#${escaped(`${entry}--${newCause}`)}$`), hydrated);
  await expect(page.locator(`[id="${entry}--${newCause}"]`)).toBeInViewport();

  await page.goto(`/troubleshooting/${slug}#${causeId}`);
  await expect(page).toHaveURL(new RegExp(`#${escaped(`${slug}--${causeId}`)}$`), hydrated);
  await expect(page.locator(`[id="${slug}--${causeId}"]`)).toBeInViewport();
});

test("a cause link under a retired slug survives the 308 and lands on the cause", async ({ page }) => {
  await page.goto(`/troubleshooting/${alias}#${alias}--${causeId}`);
  await expect(page).toHaveURL(new RegExp(`/troubleshooting/${slug}#${escaped(`${slug}--${causeId}`)}$`), hydrated);
  await expect(page.locator(`[id="${slug}--${causeId}"]`)).toBeInViewport();
});

test("the catalogue rewrites retired slugs and cause ids in cause anchors", async ({ page }) => {
  await page.goto(`/troubleshooting#${alias}--${causeId}`);
  await expect(page).toHaveURL(new RegExp(`/troubleshooting#${escaped(`${slug}--${causeId}`)}$`), hydrated);
  await expect(page.locator(`[id="${slug}--${causeId}"]`)).toBeInViewport();

  await page.goto(`/troubleshooting#${entry}--${oldCause}`);
  await expect(page).toHaveURL(new RegExp(`/troubleshooting#${escaped(`${entry}--${newCause}`)}$`), hydrated);
  await expect(page.locator(`[id="${entry}--${newCause}"]`)).toBeInViewport();
});

test("a current anchor is left as it is", async ({ page }) => {
  await page.goto(`/troubleshooting#${slug}--${causeId}`);
  await expect(page.locator(`[id="${slug}--${causeId}"]`)).toBeInViewport();
  expect(new URL(page.url()).hash).toBe(`#${slug}--${causeId}`);
});

test("the JSON API lists a cause's retired ids", async ({ request }) => {
  const { entries } = await (await request.get("/api/entries")).json();
  const found = entries.find((item: { slug: string }) => item.slug === entry);
  expect(found.causes.find((cause: { id: string }) => cause.id === newCause)).toMatchObject({ aliases: [oldCause] });
});
