import { createHash } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import type { NextConfig } from "next";
// @ts-expect-error: next.config.mjs is plain ESM without type declarations
import nextConfigModule from "@/next.config.mjs";
import { applySecurityHeaders, baseSecurityHeaders, buildDocumentCsp, buildNoncePageCsp, buildPageCsp, hstsValue, shouldSendHsts } from "@/lib/http/security-headers";
import { documentStyle, documentStyleHash, htmlDocument } from "@/lib/mock-idp/html";
import { themeScript, themeScriptHash } from "@/lib/theme-script";

const nextConfig: NextConfig = nextConfigModule;

const sha256 = (text: string) => `sha256-${createHash("sha256").update(text).digest("base64")}`;

describe("shouldSendHsts", () => {
  it("sends HSTS when SITE_URL is https or the request came over TLS", () => {
    expect(shouldSendHsts({ siteUrl: "https://fixbook.example.com", requestProtocol: "http:" })).toBe(true);
    expect(shouldSendHsts({ siteUrl: undefined, requestProtocol: "https:" })).toBe(true);
  });

  it("does not send it on plain http, whatever else is configured", () => {
    expect(shouldSendHsts({ siteUrl: undefined, requestProtocol: "http:" })).toBe(false);
    expect(shouldSendHsts({ siteUrl: "http://localhost:3000", requestProtocol: "http:" })).toBe(false);
    expect(shouldSendHsts({ siteUrl: "  ", requestProtocol: "http:" })).toBe(false);
    expect(shouldSendHsts({ siteUrl: "not a url", requestProtocol: "http:" })).toBe(false);
  });
});

describe("applySecurityHeaders", () => {
  it("sets every base header and HSTS when asked, keeping a CSP the response already has", () => {
    const headers = applySecurityHeaders(new Headers({ "Content-Security-Policy": "default-src 'none'" }), { csp: buildPageCsp({ dev: false }), hsts: true });
    for (const [key, value] of Object.entries(baseSecurityHeaders)) expect(headers.get(key)).toBe(value);
    expect(headers.get("content-security-policy")).toBe("default-src 'none'");
    expect(headers.get("strict-transport-security")).toBe(hstsValue);
    expect(applySecurityHeaders(new Headers(), { csp: "x", hsts: false }).get("strict-transport-security")).toBeNull();
  });
});

describe("the policies", () => {
  it("never allow eval in production and always forbid framing", () => {
    for (const csp of [buildPageCsp({ dev: false }), buildNoncePageCsp({ nonce: "abc", scriptHashes: [], dev: false }), buildDocumentCsp()]) {
      expect(csp).not.toContain("unsafe-eval");
      expect(csp).toContain("frame-ancestors 'none'");
    }
  });

  it("allow inline scripts on per-request pages only by nonce or hash", () => {
    const csp = buildNoncePageCsp({ nonce: "abc", scriptHashes: [themeScriptHash], dev: false });
    const scriptSrc = csp.split("; ").find((directive) => directive.startsWith("script-src "));
    expect(scriptSrc).toBe(`script-src 'self' 'nonce-abc' '${themeScriptHash}'`);
  });

  it("next.config.mjs sends the same headers as lib/http/security-headers.ts", async () => {
    const rules = (await nextConfig.headers?.()) ?? [];
    const valuesOf = (source: string) => Object.fromEntries((rules.find((rule) => rule.source === source)?.headers ?? []).map(({ key, value }) => [key, value]));
    const { "Strict-Transport-Security": _hsts, ...everywhere } = valuesOf("/:path*");
    expect(everywhere).toEqual(baseSecurityHeaders);
    expect(valuesOf("/:path((?!mock-idp(?:/|$)).*)")).toEqual({ "Content-Security-Policy": buildPageCsp({ dev: false }) });
  });
});

describe("next.config.mjs and HSTS", () => {
  it("adds HSTS to every response when built with an https SITE_URL, and not otherwise", async () => {
    const hstsOf = async (siteUrl: string | undefined) => {
      vi.resetModules();
      if (siteUrl === undefined) vi.stubEnv("SITE_URL", "");
      else vi.stubEnv("SITE_URL", siteUrl);
      // @ts-expect-error: next.config.mjs is plain ESM without type declarations
      const loaded: { default: NextConfig } = await import("@/next.config.mjs");
      const rules = (await loaded.default.headers?.()) ?? [];
      return rules.find((rule) => rule.source === "/:path*")?.headers.find((entry) => entry.key === "Strict-Transport-Security")?.value;
    };
    try {
      expect(await hstsOf("https://fixbook.example.com")).toBe(hstsValue);
      expect(await hstsOf("http://localhost:3000")).toBeUndefined();
      expect(await hstsOf(undefined)).toBeUndefined();
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe("inline code allowed by hash", () => {
  it("the theme script's hash matches the script", () => {
    expect(themeScriptHash).toBe(sha256(themeScript));
  });

  it("the mock IdP's documents allow exactly their own style and no script", () => {
    expect(documentStyleHash).toBe(sha256(documentStyle));
    const csp = htmlDocument("t", "<p>x</p>", 200).headers.get("content-security-policy") ?? "";
    expect(csp).toContain(`style-src '${documentStyleHash}'`);
    expect(csp).toContain("script-src 'none'");
  });
});
