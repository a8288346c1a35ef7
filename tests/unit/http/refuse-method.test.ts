import { describe, expect, it, vi } from "vitest";
import { refuseMethod } from "@/lib/http/refuse-method";
import { serveMockIdp } from "@/lib/mock-idp/next-handler.server";

vi.mock("server-only", () => ({}));

describe("refuseMethod", () => {
  it("answers 405 JSON with the path's Allow and the security headers", async () => {
    const response = refuseMethod(new Request("http://127.0.0.1:3000/api/diagnostics/redirect-uri", { method: "PUT" }));
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST, OPTIONS");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await response.json()).toEqual({ error: "method_not_allowed", message: "PUT is not supported here; this address takes POST, OPTIONS." });
  });
});

describe("serveMockIdp's headers", () => {
  it("puts the security headers and the script-free CSP on JSON and HTML answers", async () => {
    for (const path of ["/mock-idp/.well-known/openid-configuration", "/mock-idp/embed", "/mock-idp/no-such-endpoint"]) {
      const response = await serveMockIdp(new Request(`http://127.0.0.1:3000${path}`));
      expect(response.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(response.headers.get("content-security-policy"), path).toContain("script-src 'none'");
      expect(response.headers.get("strict-transport-security"), path).toBeNull();
    }
  });

  it("adds HSTS when SITE_URL is https", async () => {
    vi.stubEnv("SITE_URL", "https://fixbook.example.com");
    try {
      const response = await serveMockIdp(new Request("http://127.0.0.1:3000/mock-idp/.well-known/jwks.json"));
      expect(response.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("answers a method an endpoint does not take with 405 and its Allow", async () => {
    const response = await serveMockIdp(new Request("http://127.0.0.1:3000/mock-idp/oauth/token", { method: "PUT" }));
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
  });
});
