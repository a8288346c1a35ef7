import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

// Search journeys over the real catalogue: the header dialog (button, `/`, Ctrl+K), results as
// you type, keyboard navigation, pastes, the no-results view, inert rendering, and the
// catalogue's ?q= filter. The entries used here have permanent slugs.

function dialog(page: Page) {
  return page.getByRole("dialog", { name: "Search the troubleshooting catalogue" });
}

function combobox(page: Page) {
  return dialog(page).getByRole("combobox");
}

/** The keyboard shortcuts work once the page has hydrated; a key pressed before that is lost. */
async function shortcutsReady(page: Page) {
  await expect(page.getByRole("banner").getByRole("button", { name: "Search", exact: true })).toHaveAttribute("data-shortcuts", "ready");
}

async function openWithButton(page: Page) {
  await shortcutsReady(page);
  await page.getByRole("banner").getByRole("button", { name: "Search", exact: true }).click();
  await expect(dialog(page)).toBeVisible();
  await expect(combobox(page)).toBeFocused();
}

/** A real paste event (multi-line text keeps its line breaks in the query). */
async function paste(page: Page, text: string) {
  await combobox(page).evaluate((element, value) => {
    const data = new DataTransfer();
    data.setData("text/plain", value);
    element.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

test("the index loads only when search is first opened", async ({ page }) => {
  const indexRequests: string[] = [];
  page.on("request", (request) => {
    if (new URL(request.url()).pathname === "/search-index.json") indexRequests.push(request.url());
  });
  await page.goto("/");
  await page.waitForLoadState("networkidle");
  expect(indexRequests).toEqual([]);
  await openWithButton(page);
  await combobox(page).fill("invalid_client");
  await expect(dialog(page).getByRole("option").first()).toBeVisible();
  expect(indexRequests.length).toBe(1);
});

test("typing shows results with the matched terms highlighted", async ({ page }) => {
  await page.goto("/");
  await openWithButton(page);
  await combobox(page).fill("invalid_client");
  const first = dialog(page).getByRole("option").first();
  await expect(first).toContainText("401 invalid_client from the token endpoint");
  await expect(first.locator("mark").first()).toHaveText("invalid_client");
  await expect(first).toHaveAttribute("aria-selected", "true");
  await expect(combobox(page)).toHaveAttribute("aria-expanded", "true");
});

test("arrow keys move the selection and Enter opens the entry", async ({ page }) => {
  await page.goto("/troubleshooting");
  await shortcutsReady(page);
  await page.keyboard.press("/");
  await expect(dialog(page)).toBeVisible();
  await expect(combobox(page)).toBeFocused();
  await page.keyboard.type("redirct uri mismach");
  const options = dialog(page).getByRole("option");
  await expect(options.first()).toContainText("redirect_uri_mismatch");
  expect(await options.count()).toBeGreaterThan(1);

  await page.keyboard.press("ArrowDown");
  await expect(options.nth(1)).toHaveAttribute("aria-selected", "true");
  await expect(combobox(page)).toHaveAttribute("aria-activedescendant", (await options.nth(1).getAttribute("id")) ?? "");
  await page.keyboard.press("ArrowUp");
  await expect(options.first()).toHaveAttribute("aria-selected", "true");

  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/troubleshooting\/redirect-uri-mismatch(#.*)?$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("redirect_uri_mismatch");
  await expect(dialog(page)).toBeHidden();
});

test("Ctrl+K opens search and Escape closes it, returning focus", async ({ page }) => {
  await page.goto("/troubleshooting/invalid-client");
  await shortcutsReady(page);
  await page.keyboard.press("Control+k");
  await expect(dialog(page)).toBeVisible();
  await expect(combobox(page)).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog(page)).toBeHidden();

  const trigger = page.getByRole("banner").getByRole("button", { name: "Search", exact: true });
  await trigger.focus();
  await page.keyboard.press("Enter");
  await expect(dialog(page)).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(trigger).toBeFocused();
});

test("a pasted JSON error body finds its entry first", async ({ page }) => {
  await page.goto("/");
  await openWithButton(page);
  await combobox(page).fill('{"error":"invalid_grant","error_description":"Token has been expired or revoked."}');
  const first = dialog(page).getByRole("option").first();
  await expect(first).toContainText("invalid_grant when refreshing");
  await expect(first).toContainText("exact match");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/troubleshooting\/refresh-token-revoked(#.*)?$/);
});

test("a pasted multi-line stack trace is parsed line by line", async ({ page }) => {
  await page.goto("/");
  await openWithButton(page);
  await paste(
    page,
    [
      "RPError: nonce mismatch, expected undefined, got: 8Jf2kPq0Lx",
      "    at Client.validateIdToken (/srv/app/node_modules/openid-client/lib/client.js:811:13)",
      "    at async Client.callback (/srv/app/node_modules/openid-client/lib/client.js:489:7)",
    ].join("\n"),
  );
  await expect(dialog(page).getByRole("option").first()).toContainText("nonce");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/troubleshooting\/nonce-mismatch(#.*)?$/);
});

test("no results shows what was read from the input and offers the code reference", async ({ page }) => {
  await page.goto("/");
  await openWithButton(page);
  await combobox(page).fill('HTTP/1.1 418 {"error":"flux_capacitor_overheated","error_description":"Jigowatts zorblax"}');
  const empty = dialog(page).getByTestId("search-no-results");
  await expect(empty).toBeVisible();
  await expect(dialog(page).getByRole("option")).toHaveCount(0);
  await expect(combobox(page)).toHaveAttribute("aria-expanded", "false");
  await expect(empty).toContainText("flux_capacitor_overheated");
  await expect(empty).toContainText("418");
  await expect(empty).toContainText("Jigowatts zorblax");
  await expect(empty.getByRole("link", { name: /error-code reference/ })).toHaveAttribute("href", "/codes");
});

test("an XSS-shaped query is rendered as text", async ({ page }) => {
  const dialogs: string[] = [];
  page.on("dialog", async (alert) => {
    dialogs.push(alert.message());
    await alert.dismiss();
  });
  await page.goto("/");
  await openWithButton(page);
  const query = "<img src=x onerror=alert(1)>";
  await combobox(page).fill(query);
  await expect(combobox(page)).toHaveValue(query);
  // Whatever is shown (results or the no-results view), the markup stays text.
  await expect(dialog(page).getByTestId("search-no-results").or(dialog(page).getByRole("option").first())).toBeVisible();
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(dialogs).toEqual([]);

  const api = await page.request.get(`/api/search?q=${encodeURIComponent(query)}`);
  expect(api.status()).toBe(200);
  expect(api.headers()["content-type"]).toContain("application/json");
  expect((await api.json()).query).toBe(query);
});

test("the catalogue's ?q= filter hides entries that do not match and keeps the query in the URL", async ({ page }) => {
  await page.goto("/troubleshooting?q=AADSTS50011");
  const filter = page.getByRole("searchbox", { name: "Filter the catalogue" });
  await expect(filter).toHaveValue("AADSTS50011");
  await expect(page.locator('article[data-entry="entra-aadsts50011-redirect-uri-mismatch"]')).toBeVisible();
  await expect(page.locator('article[data-entry="invalid-client"]')).toBeHidden();
  await expect(page.locator('section[data-area="oauth-flow"]')).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: /Showing \d+ of \d+ entries/ })).toBeVisible();

  await filter.fill("invalid_client");
  await expect(page.locator('article[data-entry="invalid-client"]')).toBeVisible();
  await expect(page).toHaveURL(/[?&]q=invalid_client/);
  await page.getByRole("button", { name: "Clear" }).click();
  await expect(page.locator('article[data-entry="entra-aadsts50011-redirect-uri-mismatch"]')).toBeVisible();
  await expect(page.locator('section[data-area="oauth-flow"]')).toBeVisible();
});

test("GET /api/search answers the contract and refuses bad input with 400", async ({ request }) => {
  const ok = await request.get(`/api/search?q=${encodeURIComponent("AADSTS50011")}&limit=2`);
  expect(ok.status()).toBe(200);
  const body = await ok.json();
  expect(body.results[0]).toMatchObject({ slug: "entra-aadsts50011-redirect-uri-mismatch", url: "/troubleshooting/entra-aadsts50011-redirect-uri-mismatch" });
  for (const query of ["", "?q=x&limit=0", `?q=${"a".repeat(10_001)}`]) {
    const refused = await request.get(`/api/search${query}`);
    expect(refused.status()).toBe(400);
    expect((await refused.json()).error).toBe("invalid_request");
  }
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`the open dialog, with results and without, has no axe violations (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto("/");
    await openWithButton(page);
    for (const query of ["invalid_client", "jigowatts zorblax"]) {
      await combobox(page).fill(query);
      await expect(dialog(page).getByRole("option").first().or(dialog(page).getByTestId("search-no-results"))).toBeVisible();
      const results = await new AxeBuilder({ page }).include("dialog").analyze();
      const summary = results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).slice(0, 3).join(", ")}`);
      expect(summary).toEqual([]);
    }
  });
}
