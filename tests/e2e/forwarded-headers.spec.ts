// Forged forwarded headers against the production server (`next start`, no trusted proxy): Next
// builds request.url's scheme from X-Forwarded-Proto, and the mock IdP's issuer must not follow it.
import { expect, test } from "@playwright/test";

const forged = { "x-forwarded-proto": "https", "x-forwarded-host": "evil.example", "x-forwarded-port": "443" };

test("discovery keeps the issuer the server really answers under when X-Forwarded-Proto and -Host are forged", async ({ request, baseURL }) => {
  const issuer = `${baseURL}/mock-idp`;
  expect(issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mock-idp$/);
  for (const path of ["/mock-idp/.well-known/openid-configuration", "/mock-idp/scenarios/rotated-key/.well-known/openid-configuration"]) {
    const response = await request.get(path, { headers: forged });
    expect(response.status()).toBe(200);
    const metadata: Record<string, unknown> = await response.json();
    const base = path.replace("/.well-known/openid-configuration", "");
    expect(metadata.issuer).toBe(`${baseURL}${base}`);
    for (const endpoint of ["authorization_endpoint", "token_endpoint", "userinfo_endpoint", "jwks_uri"]) {
      expect(String(metadata[endpoint]).startsWith(`${baseURL}${base}/`), `${endpoint} = ${String(metadata[endpoint])}`).toBe(true);
    }
  }
});

test("the same request without forged headers names the same issuer", async ({ request, baseURL }) => {
  const response = await request.get("/mock-idp/.well-known/openid-configuration");
  expect((await response.json()).issuer).toBe(`${baseURL}/mock-idp`);
});

test("the scenario list and the diagnostics' own-IdP shortcut ignore the forged headers too", async ({ request, baseURL }) => {
  const scenarios = await request.get("/mock-idp/scenarios", { headers: forged });
  const listed: { scenarios: Array<{ issuer: string }> } = await scenarios.json();
  expect(listed.scenarios.length).toBeGreaterThan(0);
  for (const scenario of listed.scenarios) expect(scenario.issuer.startsWith(`${baseURL}/mock-idp/scenarios/`)).toBe(true);

  const check = await request.get(`/api/diagnostics/discovery?issuer=${encodeURIComponent(`${baseURL}/mock-idp`)}`, { headers: { ...forged, "x-forwarded-for": "10.250.0.1" } });
  expect(check.status()).toBe(200);
  const result: { ok: boolean; issuer: string } = await check.json();
  expect(result.issuer).toBe(`${baseURL}/mock-idp`);
  expect(result.ok).toBe(true);
});
