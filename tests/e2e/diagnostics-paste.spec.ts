// The paste-and-check tools in the browser: the error lookup (JSON bodies, long stack traces,
// hostile pastes, input in the URL, links from /codes and from search's no-results view) and the
// provider precedence calculator (every row of the login-method table, the email fallback, the
// bundled IdP's login screen computing the same buttons, state in the URL).
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";


// Each test is its own client of the diagnostics' per-client limits (2 checks at a time).
let clients = 0;
test.beforeEach(async ({ page }, testInfo) => {
  clients += 1;
  await page.setExtraHTTPHeaders({ "x-forwarded-for": `10.${100 + (testInfo.workerIndex % 100)}.${Math.floor(clients / 256) % 256}.${clients % 256}` });
});

function lookupField(page: Page) {
  return page.getByLabel("Error", { exact: true });
}

async function lookUp(page: Page, text: string) {
  await lookupField(page).fill(text);
  await page.getByRole("button", { name: "Look it up" }).click();
  await expect(page.getByTestId("error-lookup-result")).toBeVisible({ timeout: 15_000 });
}

test.describe("error lookup", () => {
  test("a JSON error body: what was read, the code's reference and the entry first", async ({ page }) => {
    await page.goto("/tools/error-lookup");
    await lookUp(page, '{"error":"invalid_client","error_description":"client authentication failed"}');
    await expect(page.getByTestId("lookup-parsed")).toContainText("invalid_client");
    await expect(page.getByTestId("lookup-code").first()).toContainText("invalid_client");
    await expect(page.getByTestId("lookup-entries").locator("a").first()).toHaveAttribute("href", /^\/troubleshooting\/invalid-client/);
    expect(new URL(page.url()).searchParams.get("input")).toContain("invalid_client");
  });

  test("a 2 KB Java stack trace is sent as a POST body and read", async ({ page }) => {
    const frames = Array.from({ length: 30 }, (_, index) => `\tat org.springframework.security.oauth2.client.Frame${index}.handle(Frame${index}.java:${100 + index})`).join("\n");
    const trace = `org.springframework.security.oauth2.core.OAuth2AuthorizationException: [invalid_grant] Invalid authorization code\n${frames}`;
    expect(trace.length).toBeGreaterThan(2000);
    await page.goto("/tools/error-lookup");
    const posts: string[] = [];
    page.on("request", (request) => {
      if (request.url().includes("/api/diagnostics/error-lookup") && request.method() === "POST") posts.push(request.postData() ?? "");
    });
    await lookUp(page, trace);
    expect(posts.length).toBeGreaterThan(0);
    await expect(page.getByTestId("lookup-parsed")).toContainText("invalid_grant");
  });

  test("a hostile paste is shown as text and runs nothing", async ({ page }) => {
    let dialogs = 0;
    page.on("dialog", async (dialog) => {
      dialogs += 1;
      await dialog.dismiss();
    });
    await page.goto("/tools/error-lookup");
    await lookUp(page, '<script>alert(1)</script><img src=x onerror=alert(2)> error=access_denied');
    await expect(page.locator("img[src='x']")).toHaveCount(0);
    expect(dialogs).toBe(0);
  });

  test("input in the URL runs on arrival", async ({ page }) => {
    await page.goto("/tools/error-lookup?input=AADSTS50011");
    await expect(page.getByTestId("error-lookup-result")).toBeVisible({ timeout: 15_000 });
    await expect(lookupField(page)).toHaveValue("AADSTS50011");
    await expect(page.getByTestId("lookup-parsed")).toContainText("AADSTS50011");
  });

  test("a code page links to the lookup with the code filled in", async ({ page }) => {
    await page.goto("/codes/invalid_client");
    await page.getByRole("link", { name: "Paste it into the error lookup" }).click();
    await expect(page).toHaveURL(/\/tools\/error-lookup\?input=invalid_client$/);
    await expect(lookupField(page)).toHaveValue("invalid_client");
  });

  test("search's no-results view links to the lookup with the query filled in", async ({ page }) => {
    await page.goto("/");
    // The header button, once the page has hydrated (a click before that would be lost).
    const button = page.getByRole("banner").getByRole("button", { name: "Search", exact: true });
    await expect(button).toHaveAttribute("data-shortcuts", "ready");
    await button.click();
    const query = "qqzzxv wubble frobnicate";
    await page.getByRole("combobox").fill(query);
    await expect(page.getByTestId("search-no-results")).toBeVisible({ timeout: 10_000 });
    await page.getByRole("link", { name: "Paste it into the error lookup tool" }).click();
    await expect(lookupField(page)).toHaveValue(query);
  });

  test("an entry that lists the lookup embeds a working one", async ({ page }) => {
    await page.goto("/troubleshooting/entra-aadsts7000215-invalid-client-secret");
    const live = page.getByRole("region", { name: "Check it live" });
    await live.getByLabel("Error", { exact: true }).fill("AADSTS7000215: Invalid client secret provided.");
    await live.getByRole("button", { name: "Look it up" }).click();
    await expect(live.getByTestId("lookup-entries").locator("a").first()).toHaveAttribute("href", /entra-aadsts7000215-invalid-client-secret/, { timeout: 15_000 });
  });
});

test.describe("provider precedence calculator", () => {
  async function setMethods(page: Page, legend: string, methods: readonly string[]) {
    const group = page.getByRole("group", { name: legend });
    const labels = { apple: "Apple", google: "Google", kakao: "Kakao", email: "Email / password", app: "logi app" } as const;
    for (const [key, label] of Object.entries(labels)) {
      const box = group.getByLabel(label, { exact: true });
      if (methods.includes(key)) await box.check();
      else await box.uncheck();
    }
  }

  async function setProvider(page: Page, value: string) {
    await page.getByLabel("provider parameter").fill(value);
    await page.getByRole("button", { name: "Calculate" }).click();
  }

  // Seed 003's table: console setting, provider, what is surfaced.
  const rows: Array<[row: number, base: string[], provider: string, renderable: string]> = [
    [1, [], "google", "google"],
    [2, ["apple", "google"], "google", "google"],
    [3, ["google"], "apple", "google"],
    [4, ["google"], "", "google"],
    [5, [], "facebook", "apple, google, kakao, email, app"],
  ];

  for (const [row, base, provider, renderable] of rows) {
    test(`row ${row}: base ${base.join(",") || "(all)"} + provider ${provider || "(none)"} → ${renderable}`, async ({ page }) => {
      await page.goto("/tools/provider-precedence");
      await setMethods(page, "Console setting (base)", base);
      await setProvider(page, provider);
      await expect(page.locator('[data-stage="renderable"]')).toHaveText(renderable);
      await expect(page.locator(`tr[data-row="${row}"]`)).toHaveAttribute("aria-current", "true");
    });
  }

  test("nothing renderable falls back to email with its notice", async ({ page }) => {
    await page.goto("/tools/provider-precedence?base=kakao&available=apple,google,email,app");
    await expect(page.locator('[data-stage="renderable"]')).toHaveText("email");
    await expect(page.getByTestId("precedence-result")).toContainText("sign in with email and password");
  });

  test("state in the URL; back restores the previous state", async ({ page }) => {
    await page.goto("/tools/provider-precedence?base=google&provider=apple");
    await expect(page.locator("tr[data-row='3']")).toHaveAttribute("aria-current", "true");
    await setProvider(page, "google");
    await expect(page).toHaveURL(/provider=google/);
    await page.goBack();
    await expect(page.getByLabel("provider parameter")).toHaveValue("apple");
    await expect(page.locator("tr[data-row='3']")).toHaveAttribute("aria-current", "true");
  });

  test("the demo authorize URL opens the bundled IdP's login screen with the same buttons", async ({ page }) => {
    await page.goto("/tools/provider-precedence?provider=google,kakao");
    const href = await page.getByTestId("precedence-authorize").getAttribute("href");
    expect(href).toContain("provider=google%2Ckakao");
    await page.goto(href ?? "/");
    await expect(page.getByRole("button", { name: "Continue with Google" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Continue with Apple" })).toHaveCount(0);
  });

  test("an entry that lists the calculator embeds a working one", async ({ page }) => {
    await page.goto("/troubleshooting/hidden-method-still-usable");
    const live = page.getByRole("region", { name: "Check it live" });
    await live.getByLabel("provider parameter").fill("facebook");
    await live.getByRole("button", { name: "Calculate" }).click();
    await expect(live.locator("tr[data-row='5']")).toHaveAttribute("aria-current", "true");
  });
});

for (const path of ["/tools/error-lookup?input=invalid_client", "/tools/provider-precedence?base=google&provider=apple"]) {
  test(`${path} with a result has no axe violations`, async ({ page }) => {
    await page.goto(path);
    await expect(page.locator("[data-testid$='-result']").first()).toBeVisible({ timeout: 15_000 });
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations).toEqual([]);
  });
}
