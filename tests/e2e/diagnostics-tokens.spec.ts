// The redirect_uri checker and the id_token inspector in Chromium, against the built site and its
// bundled mock IdP: every kind of redirect_uri difference offline, the live preflight, input in
// the URL with the back button; a real "Get a token" sign-in for the healthy mock and its fault
// scenarios, hand-made expired and forged tokens, and the promise that a token never leaves the
// page (no request, header, URL or storage holds it). Axe on both pages with a result, and both
// widgets embedded in entries.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Page, type Request } from "@playwright/test";
import { generateKeyPair, SignJWT } from "jose";

// The diagnostics API allows each client 30 checks a minute and 2 at once, keyed on the first
// X-Forwarded-For address (the proxy's view of the caller). This suite makes more than that from
// one machine, so each test is a client of its own, as separate users behind a proxy would be.
let clients = 0;
test.beforeEach(async ({ page }, testInfo) => {
  clients += 1;
  await page.setExtraHTTPHeaders({ "x-forwarded-for": `10.${testInfo.workerIndex % 256}.${Math.floor(clients / 256) % 256}.${clients % 256}` });
});

const registered = "https://app.example.com/auth/callback";
const webCallback = "http://localhost:3000/auth/callback";

type Verdict = "registered" | "redirect_uri_mismatch" | "not_registered";

function verdict(page: Page) {
  return page.getByTestId("redirect-uri-verdict");
}

function findingRow(page: Page, id: string) {
  // The rule id is printed under each finding's message.
  return page.locator("tr[data-status]").filter({ has: page.locator("span.font-mono", { hasText: new RegExp(`^${id.replace(/\./g, "\\.")}$`) }) });
}

function tokenField(page: Page) {
  return page.getByLabel("id_token", { exact: true });
}

async function expectAxeClean(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).slice(0, 3).join(", ")}`)).toEqual([]);
}

function offlineUrl(registeredUris: readonly string[], redirectUri: string): string {
  const params = new URLSearchParams();
  for (const uri of registeredUris) params.append("registered", uri);
  params.set("redirect_uri", redirectUri);
  return `/tools/redirect-uri?${params}`;
}

// ---- redirect_uri, offline -----------------------------------------------------------------

const offlineCases: ReadonlyArray<{ name: string; requested: string; verdict: Verdict; kind?: string; marked?: { registered?: string; requested?: string } }> = [
  { name: "exact match", requested: registered, verdict: "registered" },
  { name: "trailing slash", requested: `${registered}/`, verdict: "redirect_uri_mismatch", kind: "trailing_slash", marked: { requested: "/" } },
  { name: "scheme", requested: "http://app.example.com/auth/callback", verdict: "redirect_uri_mismatch", kind: "scheme", marked: { registered: "s" } },
  { name: "port", requested: "https://app.example.com:8443/auth/callback", verdict: "redirect_uri_mismatch", kind: "port", marked: { requested: ":8443" } },
  { name: "path", requested: "https://app.example.com/auth/cb", verdict: "not_registered", kind: "path" },
  { name: "query", requested: `${registered}?next=%2Fhome`, verdict: "redirect_uri_mismatch", kind: "query", marked: { requested: "?next=%2Fhome" } },
  { name: "fragment", requested: `${registered}#top`, verdict: "redirect_uri_mismatch", kind: "fragment", marked: { requested: "#top" } },
  { name: "letter case", requested: "https://app.example.com/Auth/callback", verdict: "redirect_uri_mismatch", kind: "case", marked: { registered: "a", requested: "A" } },
  { name: "percent-encoding", requested: "https://app.example.com/auth%2Fcallback", verdict: "redirect_uri_mismatch", kind: "encoding", marked: { registered: "/", requested: "%2F" } },
  { name: "preview host", requested: "https://pr-12.app.example.com/auth/callback", verdict: "not_registered", kind: "host", marked: { requested: "pr-12." } },
  { name: "staging host", requested: "https://staging.example.com/auth/callback", verdict: "not_registered", kind: "host" },
];

for (const item of offlineCases) {
  test(`redirect_uri offline: ${item.name} is ${item.verdict}`, async ({ page }) => {
    await page.goto("/tools/redirect-uri");
    await page.getByLabel("Registered redirect URIs").fill(`${registered}\n${webCallback}`);
    await page.getByLabel("Requested redirect_uri").fill(item.requested);
    await page.getByRole("button", { name: "Compare" }).click();
    await expect(verdict(page)).toHaveAttribute("data-verdict", item.verdict);
    const answer = page.getByTestId("redirect-uri-answer");
    if (item.verdict === "redirect_uri_mismatch") await expect(answer).toContainText("HTTP 302 to its own error page");
    if (item.verdict === "not_registered") await expect(answer).toContainText("redirect_uri not registered");
    if (item.verdict === "registered") {
      await expect(answer).toContainText("No error");
      await expect(page.getByTestId("redirect-uri-comparison")).toHaveCount(0);
      await expect(page.locator('tr[data-status="fail"]')).toHaveCount(0);
      return;
    }
    await expect(page.getByTestId("redirect-uri-differences").locator(`li[data-kind="${item.kind}"]`)).toBeVisible();
    await expect(page.getByTestId("aligned-registered")).toHaveText(registered);
    await expect(page.getByTestId("aligned-requested")).toHaveText(item.requested);
    if (item.marked?.registered) await expect(page.getByTestId("aligned-registered").locator("mark").first()).toHaveText(item.marked.registered);
    if (item.marked?.requested) await expect(page.getByTestId("aligned-requested").locator("mark").first()).toHaveText(item.marked.requested);
    await expect(page.locator('tr[data-status="fail"] a[href^="/troubleshooting/"]').first()).toBeVisible();
  });
}

// ---- redirect_uri, live against the bundled mock -------------------------------------------

async function askMock(page: Page, redirectUri: string) {
  await page.getByLabel("Live preflight against an IdP").check();
  await page.getByLabel("Demo client").selectOption("logi_demo_web");
  await page.getByLabel("Requested redirect_uri").fill(redirectUri);
  await page.getByRole("button", { name: "Ask the IdP" }).click();
}

test("redirect_uri live: the mock IdP answers registered, near miss and not registered", async ({ page, baseURL }) => {
  await page.goto("/tools/redirect-uri");
  await page.getByLabel("Live preflight against an IdP").check();
  await expect(page.getByLabel("Issuer", { exact: true })).toHaveValue(`${baseURL}/mock-idp`);
  await expect(page.getByLabel("client_id", { exact: true })).toHaveValue("logi_demo_web");

  await askMock(page, webCallback);
  await expect(verdict(page)).toHaveAttribute("data-verdict", "registered");
  await expect(page.locator('tr[data-status="fail"]')).toHaveCount(0);

  await askMock(page, `${webCallback}/`);
  await expect(verdict(page)).toHaveAttribute("data-verdict", "redirect_uri_mismatch");
  await expect(page.getByTestId("redirect-uri-answer")).toContainText("redirect_uri_mismatch");
  await expect(page.getByTestId("redirect-uri-differences").locator('li[data-kind="trailing_slash"]')).toBeVisible();
  await expect(page.getByTestId("aligned-requested").locator("mark")).toHaveText("/");
  await expect(page.locator('tr[data-status="fail"] a[href^="/troubleshooting/redirect-uri-mismatch#"]').first()).toBeVisible();
  await expect(page.getByText("Observed")).toBeVisible();

  await askMock(page, "https://unrelated.example.net/auth/callback");
  await expect(verdict(page)).toHaveAttribute("data-verdict", "not_registered");
  await expect(page.getByTestId("redirect-uri-answer")).toContainText('"error":"invalid_request","error_description":"redirect_uri not registered"');
  await expect(page.locator('tr[data-status="fail"] a[href^="/troubleshooting/redirect-uri-not-registered#"]').first()).toBeVisible();
});

test("redirect_uri: input lives in the URL (repeated registered keys), arrival runs it, back restores it", async ({ page, baseURL }) => {
  await page.goto(offlineUrl([registered, webCallback], `${registered}/`));
  await expect(verdict(page)).toHaveAttribute("data-verdict", "redirect_uri_mismatch");
  await expect(page.getByLabel("Registered redirect URIs")).toHaveValue(`${registered}\n${webCallback}`);

  await page.getByLabel("Requested redirect_uri").fill(webCallback);
  await page.getByRole("button", { name: "Compare" }).click();
  await expect(verdict(page)).toHaveAttribute("data-verdict", "registered");
  const search = new URL(page.url()).searchParams;
  expect(search.getAll("registered")).toEqual([registered, webCallback]);
  expect(search.get("redirect_uri")).toBe(webCallback);

  await page.goBack();
  await expect.poll(() => new URL(page.url()).searchParams.get("redirect_uri")).toBe(`${registered}/`);
  await expect(page.getByLabel("Requested redirect_uri")).toHaveValue(`${registered}/`);
  await expect(verdict(page)).toHaveAttribute("data-verdict", "redirect_uri_mismatch");

  const issuer = `${baseURL}/mock-idp`;
  await page.goto(`/tools/redirect-uri?${new URLSearchParams({ issuer, client_id: "logi_demo_web", redirect_uri: `${webCallback}/` })}`);
  await expect(page.getByLabel("Live preflight against an IdP")).toBeChecked();
  await expect(page.getByLabel("Demo client")).toHaveValue("logi_demo_web");
  await expect(verdict(page)).toHaveAttribute("data-verdict", "redirect_uri_mismatch");
});

// ---- id_token ------------------------------------------------------------------------------

async function getToken(page: Page, scenario?: string) {
  await page.goto("/tools/id-token");
  if (scenario) await page.getByLabel("Sign in to").selectOption(scenario);
  await page.getByRole("button", { name: "Get a token" }).click();
  await expect(page.getByRole("heading", { name: /^Sign in to/ })).toBeVisible();
  await page.getByRole("button", { name: "Continue with Google" }).click();
  await expect(page.getByTestId("id-token-result")).toBeVisible({ timeout: 15_000 });
  await expect(page).toHaveURL(/\/tools\/id-token$/);
}

test("Get a token (healthy): every signature and claims check passes", async ({ page, baseURL }) => {
  await getToken(page);
  await expect(page.getByLabel("Expected issuer")).toHaveValue(`${baseURL}/mock-idp`);
  await expect(page.getByLabel("client_id")).toHaveValue("logi_demo_inspector");
  await expect(page.getByLabel("Expected nonce")).not.toHaveValue("");
  for (const id of ["token.format", "token.alg", "token.kid", "token.signature", "claims.iss", "claims.sub", "claims.aud", "claims.azp", "claims.exp", "claims.iat", "claims.nbf", "claims.nonce"]) {
    await expect(findingRow(page, id), id).toHaveAttribute("data-status", "pass");
  }
  await expect(page.locator('tr[data-status="fail"], tr[data-status="warn"]')).toHaveCount(0);
  await expect(page.getByTestId("time-exp")).toContainText("expires in");
  await expect(page.getByTestId("time-iat")).toContainText("issued");
  await expect(page.getByTestId("token-claims")).toContainText("logi_demo_inspector");
});

test("Get a token (rotated-key): token.kid fails and links jwks-key-rotation", async ({ page }) => {
  await getToken(page, "rotated-key");
  await expect(findingRow(page, "token.kid")).toHaveAttribute("data-status", "fail");
  await expect(findingRow(page, "token.kid").locator('a[href^="/troubleshooting/jwks-key-rotation#"]')).toBeVisible();
  await expect(page.getByLabel("Sign in to")).toHaveValue("rotated-key");
});

test("Get a token (wrong-issuer): claims.iss fails and links iss-mismatch", async ({ page, baseURL }) => {
  await getToken(page, "wrong-issuer");
  await expect(page.getByLabel("Expected issuer")).toHaveValue(`${baseURL}/mock-idp/scenarios/wrong-issuer`);
  await expect(findingRow(page, "claims.iss")).toHaveAttribute("data-status", "fail");
  await expect(findingRow(page, "claims.iss").locator('a[href^="/troubleshooting/iss-mismatch#"]')).toBeVisible();
  await expect(findingRow(page, "token.signature")).toHaveAttribute("data-status", "pass");
});

test("Get a token (trailing-slash-issuer): claims.iss fails on the slash", async ({ page }) => {
  await getToken(page, "trailing-slash-issuer");
  await expect(findingRow(page, "claims.iss").locator('a[href="/troubleshooting/iss-mismatch#iss-mismatch--trailing-slash"]')).toBeVisible();
});

/** A token the mock never issued: signed here with a fresh key, under the mock's own kid and issuer. */
async function forgeToken(baseURL: string, request: APIRequestContext, claims: Record<string, unknown>, expiresAt: number) {
  const jwks = await (await request.get("/mock-idp/.well-known/jwks.json")).json();
  const kid = String(jwks.keys.find((key: { alg?: string }) => key.alg === "RS256")?.kid);
  const { privateKey } = await generateKeyPair("RS256");
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ iss: `${baseURL}/mock-idp`, sub: "forged-subject-7", aud: "logi_demo_inspector", ...claims })
    .setProtectedHeader({ alg: "RS256", kid, typ: "JWT" })
    .setIssuedAt(Math.min(now, expiresAt - 60))
    .setExpirationTime(expiresAt)
    .sign(privateKey);
}

test("a pasted expired or forged token: signature and expiry fail, linked to their entries", async ({ page, request, baseURL }) => {
  const now = Math.floor(Date.now() / 1000);
  const forged = await forgeToken(baseURL ?? "", request, {}, now + 600);
  await page.goto("/tools/id-token");
  await tokenField(page).fill(forged);
  await page.getByRole("button", { name: "Inspect token" }).click();
  await expect(findingRow(page, "token.signature")).toHaveAttribute("data-status", "fail");
  await expect(findingRow(page, "token.signature").locator('a[href^="/troubleshooting/"]')).toBeVisible();
  await expect(findingRow(page, "token.kid")).toHaveAttribute("data-status", "pass");
  await expect(findingRow(page, "claims.exp")).toHaveAttribute("data-status", "pass");

  const expired = await forgeToken(baseURL ?? "", request, {}, now - 3600);
  await tokenField(page).fill(expired);
  await page.getByRole("button", { name: "Inspect token" }).click();
  await expect(findingRow(page, "claims.exp")).toHaveAttribute("data-status", "fail");
  await expect(findingRow(page, "claims.exp").locator('a[href^="/troubleshooting/"]')).toBeVisible();
  await expect(page.getByTestId("time-exp")).toContainText("expired 1 h ago");
  await expect(findingRow(page, "token.signature")).toHaveAttribute("data-status", "fail");

  await tokenField(page).fill("not.a-token");
  await page.getByRole("button", { name: "Inspect token" }).click();
  await expect(findingRow(page, "token.format")).toHaveAttribute("data-status", "fail");
});

type Seen = { url: string; headers: string; body: string };

/** Every request the page makes, with its URL, all headers (as sent) and body. */
function recordRequests(page: Page): { seen: Seen[]; settle: () => Promise<void> } {
  const seen: Seen[] = [];
  const pending: Array<Promise<void>> = [];
  const onRequest = (request: Request) => {
    pending.push(
      request.allHeaders().then(
        (headers) => void seen.push({ url: request.url(), headers: JSON.stringify(headers), body: request.postData() ?? "" }),
        () => void seen.push({ url: request.url(), headers: JSON.stringify(request.headers()), body: request.postData() ?? "" }),
      ),
    );
  };
  page.on("request", onRequest);
  return { seen, settle: async () => void (await Promise.all(pending)) };
}

async function expectNowhere(page: Page, seen: readonly Seen[], token: string) {
  const [headerPart = "", claimsPart = "", signature = ""] = token.split(".");
  expect(claimsPart.length).toBeGreaterThan(20);
  for (const request of seen) {
    for (const [where, text] of [["URL", request.url], ["headers", request.headers], ["body", request.body]] as const) {
      expect(text, `${where} of ${request.url}`).not.toContain(token);
      expect(text, `${where} of ${request.url}`).not.toContain(claimsPart);
      expect(text, `${where} of ${request.url}`).not.toContain(signature);
      expect(text, `${where} of ${request.url}`).not.toContain(`${headerPart}.${claimsPart}`);
    }
  }
  const stored = await page.evaluate(() => JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage } }));
  expect(stored).not.toContain(claimsPart);
  expect(stored).not.toContain(signature);
  expect(page.url()).not.toContain(claimsPart);
  expect(page.url()).not.toContain("code=");
}

test("privacy: once a token is in the page, no request, header, URL or storage holds it", async ({ page, request, baseURL }) => {
  const { seen, settle } = recordRequests(page);
  // 1. A token the mock IdP issues through Get a token, inspected, then a few clicks around.
  await getToken(page);
  const issued = await tokenField(page).inputValue();
  expect(issued.split(".")).toHaveLength(3);
  await page.getByRole("button", { name: "Inspect token" }).click();
  await expect(page.getByTestId("findings-summary")).toBeVisible();
  await expect(page.getByTestId("tool-status")).toContainText("No check failed");

  // 2. A token pasted by hand (the claims carry recognisable values).
  const pasted = await forgeToken(baseURL ?? "", request, { email: "private-person@example.com", nonce: "pasted-nonce-123" }, Math.floor(Date.now() / 1000) + 600);
  await tokenField(page).fill(pasted);
  await page.getByLabel("Expected nonce").fill("pasted-nonce-123");
  await page.getByRole("button", { name: "Inspect token" }).click();
  await expect(findingRow(page, "token.signature")).toHaveAttribute("data-status", "fail");
  await expect(page.getByTestId("token-claims")).toContainText("private-person@example.com");

  // 3. Leaving by a finding's link sends a Referer: it must be the bare page.
  await page.locator('tr[data-status="fail"] a[href^="/troubleshooting/"]').first().click();
  await expect(page).toHaveURL(/\/troubleshooting\//);
  await settle();

  expect(seen.some((item) => item.url.includes("/api/diagnostics/jwks?issuer="))).toBe(true);
  expect(seen.some((item) => item.url.includes("/api/diagnostics/discovery?issuer="))).toBe(true);
  // Only the issuer travels to the diagnostics API.
  for (const item of seen.filter((entry) => entry.url.includes("/api/diagnostics/"))) {
    expect([...new URL(item.url).searchParams.keys()]).toEqual(["issuer"]);
    expect(item.body).toBe("");
  }
  await expectNowhere(page, seen, issued);
  await expectNowhere(page, seen, pasted);
  for (const item of seen) expect(`${item.url}${item.headers}${item.body}`).not.toContain("private-person@example.com");
});

// ---- accessibility and entries -------------------------------------------------------------

for (const colorScheme of ["light", "dark"] as const) {
  test(`/tools/redirect-uri with a result has no axe violations (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto(offlineUrl([registered], "http://app.example.com/Auth/callback/"));
    await expect(page.getByTestId("redirect-uri-comparison")).toBeVisible();
    await expectAxeClean(page);
  });

  test(`/tools/id-token with a result has no axe violations (${colorScheme})`, async ({ page, request, baseURL }) => {
    await page.emulateMedia({ colorScheme });
    const token = await forgeToken(baseURL ?? "", request, {}, Math.floor(Date.now() / 1000) - 120);
    await page.goto("/tools/id-token");
    await tokenField(page).fill(token);
    await page.getByRole("button", { name: "Inspect token" }).click();
    await expect(page.getByTestId("token-claims")).toBeVisible();
    await expect(page.getByTestId("findings-summary")).toBeVisible();
    await expectAxeClean(page);
  });
}

test("an entry listing redirect-uri embeds a working checker, without touching the URL", async ({ page }) => {
  await page.goto("/troubleshooting/redirect-uri-mismatch");
  const widget = page.locator('section[data-widget="redirect-uri"]');
  await expect(widget.getByRole("heading", { name: "redirect_uri checker" })).toBeVisible();
  await widget.getByLabel("Registered redirect URIs").fill(registered);
  await widget.getByLabel("Requested redirect_uri").fill(`${registered}/`);
  await widget.getByRole("button", { name: "Compare" }).click();
  await expect(widget.getByTestId("redirect-uri-verdict")).toHaveAttribute("data-verdict", "redirect_uri_mismatch");
  expect(new URL(page.url()).search).toBe("");
});

test("an entry listing id-token embeds the inspector, which links to its page for a token", async ({ page, request, baseURL }) => {
  await page.goto("/troubleshooting/iss-mismatch");
  const widget = page.locator('section[data-widget="id-token"]');
  await expect(widget.getByRole("heading", { name: "id_token inspector" })).toBeVisible();
  await expect(widget.getByRole("link", { name: "Get a token" })).toHaveAttribute("href", "/tools/id-token");
  const token = await forgeToken(baseURL ?? "", request, { iss: `${baseURL}/mock-idp/` }, Math.floor(Date.now() / 1000) + 600);
  await widget.getByLabel("id_token", { exact: true }).fill(token);
  await widget.getByRole("button", { name: "Inspect token" }).click();
  await expect(widget.locator('tr[data-status="fail"] a[href^="/troubleshooting/iss-mismatch#"]').first()).toBeVisible({ timeout: 15_000 });
  expect(new URL(page.url()).search).toBe("");
});
