// Signs in through the bundled mock IdP's login screen in Chromium, against the built site.
import { createHash, randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";

const rpCallback = "http://localhost:3000/auth/callback";

function pkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

function authorizePath(params: Record<string, string>): string {
  return `/mock-idp/oauth/authorize?${new URLSearchParams({ response_type: "code", scope: "openid profile email", code_challenge_method: "S256", ...params })}`;
}

/**
 * The RP (localhost:3000) is not running. A redirect hop is not something page.route can
 * intercept, so the callback URL is read from the request event; the route answers any
 * direct navigation there.
 */
async function expectRpCallback(page: Page, action: () => Promise<void>): Promise<URL> {
  await page.route(`${rpCallback}**`, (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<h1>RP callback</h1>" }));
  const callback = page.waitForRequest((request) => request.url().startsWith(rpCallback));
  await action();
  return new URL((await callback).url());
}

test("discovery is served at the real URL with the issuer exactly as fetched", async ({ request, baseURL }) => {
  const response = await request.get("/mock-idp/.well-known/openid-configuration");
  expect(response.status()).toBe(200);
  const document = await response.json();
  expect(document.issuer).toBe(`${baseURL}/mock-idp`);
  expect(document.embed_endpoint).toBe(`${baseURL}/mock-idp/embed`);

  const jwks = await request.get(document.jwks_uri);
  expect(jwks.status()).toBe(200);
  expect((await jwks.json()).keys.length).toBeGreaterThanOrEqual(2);

  const scenario = await request.get("/mock-idp/scenarios/wrong-issuer/.well-known/openid-configuration");
  expect((await scenario.json()).issuer).toBe(`${baseURL}/mock-idp`);
  const list = await request.get("/mock-idp/scenarios");
  expect((await list.json()).scenarios).toHaveLength(9);
});

test("logi_demo_web: Continue with Google returns code, state and iss; the code redeems once", async ({ page, request, baseURL }) => {
  const { verifier, challenge } = pkce();
  await page.goto(authorizePath({ client_id: "logi_demo_web", redirect_uri: rpCallback, state: "e2e-state", nonce: "e2e-nonce", code_challenge: challenge }));
  await expect(page.getByRole("heading", { name: "Sign in to Demo web app (confidential)" })).toBeVisible();
  for (const label of ["Continue with Apple", "Continue with Google", "Continue with Kakao", "Sign in with email", "Approve in the logi app"]) {
    await expect(page.getByRole("button", { name: label })).toBeVisible();
  }

  const callback = await expectRpCallback(page, () => page.getByRole("button", { name: "Continue with Google" }).click());
  expect(callback.searchParams.get("state")).toBe("e2e-state");
  expect(callback.searchParams.get("iss")).toBe(`${baseURL}/mock-idp`);
  const code = callback.searchParams.get("code") ?? "";
  expect(code).not.toBe("");

  const form = { grant_type: "authorization_code", code, code_verifier: verifier, redirect_uri: rpCallback, client_id: "logi_demo_web", client_secret: "demo-web-secret" };
  const tokens = await request.post("/mock-idp/oauth/token", { form });
  expect(tokens.status()).toBe(200);
  expect(tokens.headers()["cache-control"]).toBe("no-store");
  expect(await tokens.json()).toMatchObject({ token_type: "Bearer", id_token: expect.any(String), refresh_token: expect.any(String) });
  const again = await request.post("/mock-idp/oauth/token", { form });
  expect(again.status()).toBe(400);
  expect((await again.json()).error).toBe("invalid_grant");
});

test("logi_demo_google_only shows only Continue with Google", async ({ page }) => {
  const { challenge } = pkce();
  await page.goto(authorizePath({ client_id: "logi_demo_google_only", redirect_uri: rpCallback, state: "g", code_challenge: challenge, provider: "apple" }));
  await expect(page.getByRole("button", { name: "Continue with Google" })).toBeVisible();
  await expect(page.getByRole("main").getByRole("button")).toHaveCount(1);
  await expect(page.getByLabel("Password")).toHaveCount(0);
});

test("the email form signs in with the demo password", async ({ page }) => {
  const { challenge } = pkce();
  await page.goto(authorizePath({ client_id: "logi_demo_web", redirect_uri: rpCallback, state: "mail", code_challenge: challenge, provider: "email" }));
  await page.getByLabel("Password").fill("demo-password");
  const callback = await expectRpCallback(page, () => page.getByRole("button", { name: "Sign in with email" }).click());
  expect(callback.searchParams.get("state")).toBe("mail");
});

test("a trailing-slash redirect_uri lands on the IdP's error page naming the difference", async ({ page }) => {
  const { challenge } = pkce();
  await page.goto(authorizePath({ client_id: "logi_demo_web", redirect_uri: `${rpCallback}/`, code_challenge: challenge }));
  await expect(page).toHaveURL(/\/mock-idp\/error\?/);
  await expect(page.getByRole("heading", { name: "The redirect_uri does not match" })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "The paths differ only by a trailing slash" })).toBeVisible();
});

test("the device page approves a user_code", async ({ page, request }) => {
  const started = await request.post("/mock-idp/oauth/device/code", { form: { client_id: "logi_demo_device", scope: "openid" } });
  const device = await started.json();
  await page.goto(device.verification_uri_complete);
  await expect(page.getByText(device.user_code)).toBeVisible();
  await page.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByText("Approved.")).toBeVisible();
  const tokens = await request.post("/mock-idp/oauth/token", {
    form: { grant_type: "urn:ietf:params:oauth:grant-type:device_code", device_code: device.device_code, client_id: "logi_demo_device" },
  });
  expect(tokens.status()).toBe(200);
});

test("an anonymous account meets 403 anonymous_not_allowed, promotes, and resumes to the RP", async ({ page }) => {
  const { challenge } = pkce();
  await page.goto(authorizePath({ client_id: "logi_demo_identified_only", redirect_uri: rpCallback, state: "anon", code_challenge: challenge }));
  const blocked = page.waitForResponse((response) => response.url().endsWith("/mock-idp/login/submit"));
  await page.getByRole("button", { name: "Approve as an anonymous logi account" }).click();
  expect((await blocked).status()).toBe(403);
  await expect(page.getByRole("heading", { name: "403 anonymous_not_allowed" })).toBeVisible();

  await page.getByRole("link", { name: "Open the promotion sheet" }).click();
  await expect(page.getByText("(anonymous)")).toBeVisible();
  await page.getByRole("button", { name: "Link Google" }).click();
  await expect(page.getByText("(identified)")).toBeVisible();

  const callback = await expectRpCallback(page, () => page.getByRole("button", { name: "Continue to Demo members-only app" }).click());
  expect(callback.searchParams.get("state")).toBe("anon");
  expect(callback.searchParams.get("code")).toBeTruthy();
});
