// The diagnostic widgets against the bundled mock IdP, in Chromium against the built site:
// the tools index, discovery and JWKS checks for the healthy mock and every fault scenario,
// input kept in the URL (arrival runs the check, back restores it), tokens cut down to their
// header in the browser, the widgets embedded in entries, and axe on pages with a result.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { generateKeyPair, SignJWT } from "jose";
import { diagnosticTools } from "../../lib/diagnostics/tools";
import { mockIdpScenarioIssuer } from "../../lib/mock-idp/paths";
import { findMockIdpScenario } from "../../lib/mock-idp/scenarios";


// Each test is its own client of the diagnostics' per-client limits (2 checks at a time).
let clients = 0;
test.beforeEach(async ({ page }, testInfo) => {
  clients += 1;
  await page.setExtraHTTPHeaders({ "x-forwarded-for": `10.${100 + (testInfo.workerIndex % 100)}.${Math.floor(clients / 256) % 256}.${clients % 256}` });
});

function scenarioEntry(name: string): string {
  const scenario = findMockIdpScenario(name);
  if (!scenario) throw new Error(`no mock IdP scenario called ${name}`);
  return scenario.entry;
}

function issuerField(page: Page) {
  return page.getByLabel("Issuer", { exact: true });
}

function scenarioSelect(page: Page) {
  return page.getByLabel("Mock IdP scenario");
}

function failingRows(page: Page) {
  return page.locator('tr[data-status="fail"]');
}

/** A FAIL (or, when allowed, WARN) row whose "Explained in" link opens `entry` at one of its causes. */
async function expectExplainedBy(page: Page, entry: string, statuses: ReadonlyArray<"fail" | "warn"> = ["fail"], timeout = 15_000) {
  const rows = page.locator(statuses.map((status) => `tr[data-status="${status}"]`).join(", "));
  await expect(rows.locator(`a[href^="/troubleshooting/${entry}#"]`).first()).toBeVisible({ timeout });
}

async function checkDiscovery(page: Page, scenario?: string) {
  if (scenario) await scenarioSelect(page).selectOption(scenario);
  await page.getByRole("button", { name: "Check discovery" }).click();
}

async function listKeys(page: Page, scenario?: string) {
  if (scenario) await scenarioSelect(page).selectOption(scenario);
  await page.getByRole("button", { name: "List keys" }).click();
}

test("/tools lists every tool, and unknown tools are a 404", async ({ page, request }) => {
  await page.goto("/tools");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Diagnostic tools");
  for (const tool of diagnosticTools) {
    const link = page.locator(`main a[href="/tools/${tool.id}"]`);
    await expect(link).toContainText(tool.title);
    if (!tool.available) await expect(link).toContainText("coming soon");
  }
  await page.getByRole("banner").getByRole("link", { name: "Tools" }).click();
  await expect(page).toHaveURL(/\/tools$/);
  await page.locator('main a[href="/tools/discovery"]').click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Discovery check");
  expect((await request.get("/tools/no-such-tool")).status()).toBe(404);
});

test("discovery of the healthy mock IdP has no failing check", async ({ page, baseURL }) => {
  await page.goto("/tools/discovery");
  await expect(issuerField(page)).toHaveValue(`${baseURL}/mock-idp`);
  await expect(scenarioSelect(page)).toHaveValue("healthy");
  await checkDiscovery(page);
  await expect(page.getByTestId("findings-summary")).toContainText("pass");
  await expect(page.locator('tr[data-status="pass"]').first()).toBeVisible();
  await expect(failingRows(page)).toHaveCount(0);
  await expect(page.getByText("Discovery document as served (JSON)")).toBeVisible();
});

for (const scenario of ["wrong-issuer", "trailing-slash-issuer", "missing-jwks-uri", "http-endpoints", "slow-discovery", "jwks-unavailable"]) {
  test(`discovery reports the ${scenario} scenario and links its entry`, async ({ page, baseURL }) => {
    // The scenario stalls for about 5 s before answering.
    if (scenario === "slow-discovery") test.setTimeout(60_000);
    await page.goto("/tools/discovery");
    await checkDiscovery(page, scenario);
    await expect(issuerField(page)).toHaveValue(mockIdpScenarioIssuer(baseURL ?? "", scenario));
    if (scenario === "slow-discovery") await expect(page.getByTestId("tool-status")).toHaveText("Checking…");
    await expectExplainedBy(page, scenarioEntry(scenario), ["fail", "warn"], scenario === "slow-discovery" ? 40_000 : 15_000);
  });
}

test("JWKS of the healthy mock IdP lists its keys and nothing fails", async ({ page }) => {
  await page.goto("/tools/jwks");
  await listKeys(page);
  const keys = page.getByTestId("jwks-keys").locator("tbody tr");
  await expect(keys.nth(1)).toBeVisible();
  expect(await keys.count()).toBeGreaterThanOrEqual(2);
  await expect(page.getByTestId("findings-summary")).toBeVisible();
  await expect(failingRows(page)).toHaveCount(0);
});

for (const scenario of ["duplicate-kid", "private-key-in-jwks", "jwks-unavailable", "rotated-key"]) {
  test(`JWKS check fails the ${scenario} scenario and links its entry`, async ({ page }) => {
    await page.goto("/tools/jwks");
    await scenarioSelect(page).selectOption(scenario);
    const found = findMockIdpScenario(scenario);
    if (found && "tokenHeader" in found) {
      await expect(page.getByLabel("Token or token header")).toHaveValue(JSON.stringify(found.tokenHeader));
    }
    await listKeys(page);
    await expectExplainedBy(page, scenarioEntry(scenario));
  });
}

test("a pasted JWT is decoded in the browser: only its header is sent", async ({ page }) => {
  const { privateKey } = await generateKeyPair("ES256");
  const header = { alg: "ES256", kid: "e2e-local-key", typ: "JWT" };
  const jwt = await new SignJWT({ sub: "secret-subject-123", email: "someone@example.com" })
    .setProtectedHeader(header)
    .setIssuedAt()
    .setExpirationTime("5m")
    .sign(privateKey);
  const [, claims = "", signature = ""] = jwt.split(".");
  const sent: string[] = [];
  page.on("request", (request) => sent.push(`${request.url()}\n${request.postData() ?? ""}`));

  await page.goto("/tools/jwks");
  await page.getByLabel("Token or token header").fill(jwt);
  await listKeys(page);
  await expect(page.getByTestId("jwks-result")).toBeVisible();
  await expect(page.getByLabel("Token or token header")).toHaveValue(JSON.stringify(header));

  const apiCalls = sent.filter((line) => line.includes("/api/diagnostics/jwks?"));
  expect(apiCalls.length).toBeGreaterThan(0);
  const tokenParam = new URL(apiCalls[0]?.split("\n")[0] ?? "").searchParams.get("token");
  expect(JSON.parse(tokenParam ?? "null")).toEqual(header);
  for (const line of [...sent, page.url()]) {
    expect(line).not.toContain(claims);
    expect(line).not.toContain(signature);
    expect(line).not.toContain("secret-subject-123");
  }
});

test("input in the URL runs the check on arrival", async ({ page, baseURL }) => {
  const issuer = mockIdpScenarioIssuer(baseURL ?? "", "wrong-issuer");
  await page.goto(`/tools/discovery?issuer=${encodeURIComponent(issuer)}`);
  await expect(issuerField(page)).toHaveValue(issuer);
  await expect(scenarioSelect(page)).toHaveValue("wrong-issuer");
  await expectExplainedBy(page, "iss-mismatch", ["fail", "warn"]);
});

test("each check is a history entry: back restores the earlier input and result", async ({ page, baseURL }) => {
  const first = mockIdpScenarioIssuer(baseURL ?? "", "wrong-issuer");
  const second = mockIdpScenarioIssuer(baseURL ?? "", "missing-jwks-uri");
  await page.goto("/tools/discovery");
  await checkDiscovery(page, "wrong-issuer");
  await expectExplainedBy(page, "iss-mismatch", ["fail", "warn"]);
  expect(new URL(page.url()).searchParams.get("issuer")).toBe(first);

  await checkDiscovery(page, "missing-jwks-uri");
  await expectExplainedBy(page, "discovery-document-invalid", ["fail", "warn"]);
  expect(new URL(page.url()).searchParams.get("issuer")).toBe(second);

  await page.goBack();
  await expect.poll(() => new URL(page.url()).searchParams.get("issuer")).toBe(first);
  await expect(issuerField(page)).toHaveValue(first);
  await expect(scenarioSelect(page)).toHaveValue("wrong-issuer");
  await expect(page.getByTestId("tool-status")).toContainText(first);
  await expectExplainedBy(page, "iss-mismatch", ["fail", "warn"]);
});

test("an entry embeds its widget, which runs without touching the URL", async ({ page }) => {
  await page.goto("/troubleshooting/jwks-duplicate-kid");
  const live = page.getByRole("region", { name: "Check it live" });
  await expect(live.getByRole("heading", { name: "JWKS key listing" })).toBeVisible();
  await live.getByLabel("Mock IdP scenario").selectOption("duplicate-kid");
  await live.getByRole("button", { name: "List keys" }).click();
  await expect(live.locator('tr[data-status="fail"] a[href^="/troubleshooting/jwks-duplicate-kid#"]').first()).toBeVisible({ timeout: 15_000 });
  expect(new URL(page.url()).search).toBe("");
});

test("every tool is built: /tools says nothing is coming soon", async ({ page }) => {
  await page.goto("/tools");
  await expect(page.getByText("coming soon")).toHaveCount(0);
  for (const tool of diagnosticTools) await expect(page.locator(`a[href="/tools/${tool.id}"]`).first()).toBeVisible();
});

test("the form works from the keyboard: Enter in the issuer field runs the check", async ({ page }) => {
  await page.goto("/tools/discovery");
  await issuerField(page).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("findings-summary")).toBeVisible({ timeout: 15_000 });
  await page.keyboard.press("Tab");
  await expect(scenarioSelect(page)).toBeFocused();
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`/tools has no axe violations (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto("/tools");
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).slice(0, 3).join(", ")}`)).toEqual([]);
  });

  test(`/tools/jwks with a result has no axe violations (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto("/tools/jwks");
    await listKeys(page, "duplicate-kid");
    await expect(page.getByTestId("jwks-keys")).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).slice(0, 3).join(", ")}`)).toEqual([]);
  });

  test(`an entry with an embedded result has no axe violations (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto("/troubleshooting/jwks-duplicate-kid");
    await listKeys(page, "duplicate-kid");
    await expect(page.getByTestId("jwks-keys")).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).slice(0, 3).join(", ")}`)).toEqual([]);
  });
}
