import { afterEach, describe, expect, it, vi } from "vitest";
import { serveMockIdp } from "@/lib/mock-idp/next-handler.server";
import { describeErrorPage } from "@/lib/mock-idp/error-page";

vi.mock("server-only", () => ({}));

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("serveMockIdp (the Next glue)", () => {
  it("serves discovery with the issuer taken from the request URL", async () => {
    const response = await serveMockIdp(new Request("http://127.0.0.1:3100/mock-idp/.well-known/openid-configuration"));
    expect(response.status).toBe(200);
    expect((await response.json()).issuer).toBe("http://127.0.0.1:3100/mock-idp");
  });

  it("answers 404 everywhere when MOCK_IDP_ENABLED=0", async () => {
    vi.stubEnv("MOCK_IDP_ENABLED", "0");
    const response = await serveMockIdp(new Request("http://127.0.0.1:3100/mock-idp/.well-known/openid-configuration"));
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: "not_found" });
  });
});

describe("serveMockIdp misconfigured", () => {
  it("answers 500 server_error naming the bad variable", async () => {
    vi.stubEnv("MOCK_IDP_RATE_LIMIT", "lots");
    const response = await serveMockIdp(new Request("http://127.0.0.1:3100/mock-idp/.well-known/openid-configuration"));
    expect(response.status).toBe(500);
    expect((await response.json()).error_description).toContain("MOCK_IDP_RATE_LIMIT");
  });
});

describe("describeErrorPage", () => {
  it("names each redirect_uri difference and links the entry", () => {
    const page = describeErrorPage({ error: "redirect_uri_mismatch", redirectUri: "http://localhost:3000/auth/callback/", registered: "http://localhost:3000/auth/callback", difference: "trailing-slash,bogus" });
    expect(page.differences).toEqual(["The paths differ only by a trailing slash"]);
    expect(page.entry).toBe("redirect-uri-mismatch");
    expect(page.rows.map((row) => row.label)).toEqual(["redirect_uri sent", "closest registered"]);
  });
});
