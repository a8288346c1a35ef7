// The per-request pages' nonce-based CSP in a real browser: the mock IdP's screens run with no
// 'unsafe-inline' script, and nothing on them is blocked. Prerendered pages and 404s carry the
// site-wide headers; HSTS is absent over plain http.
import { expect, test } from "@playwright/test";

for (const path of ["/mock-idp/device", "/mock-idp/login?request=not-a-token", "/mock-idp/error?error=redirect_uri_mismatch"]) {
  test(`${path} runs under a nonce CSP with nothing blocked`, async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    const response = await page.goto(path);
    const csp = response?.headers()["content-security-policy"] ?? "";
    const scriptSrc = csp.split(";").map((directive) => directive.trim()).find((directive) => directive.startsWith("script-src ")) ?? "";
    expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
    expect(scriptSrc).not.toContain("unsafe-inline");
    expect(scriptSrc).not.toContain("unsafe-eval");
    // Every script has run (or been refused, which the console would report).
    await page.waitForLoadState("networkidle");
    expect(violations).toEqual([]);
    // Two loads, two nonces.
    const again = await page.request.get(path);
    expect(again.headers()["content-security-policy"]).not.toBe(csp);
  });
}

test("prerendered pages and the 404 page carry the security headers, without HSTS over http", async ({ request }) => {
  for (const path of ["/", "/troubleshooting/invalid-client", "/no/such/page"]) {
    const response = await request.get(path);
    const headers = response.headers();
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(headers["referrer-policy"], path).toBeTruthy();
    expect(headers["permissions-policy"], path).toBeTruthy();
    expect(headers["strict-transport-security"], path).toBeUndefined();
  }
});
