import { describe, expect, it } from "vitest";
import { checkMethod, methodPolicy } from "@/lib/http/method-policy";
import { checkPathEncoding, expectsJson } from "@/lib/http/path-encoding";
import { gateRequest, toGateResponse } from "@/lib/http/request-gate";

describe("checkPathEncoding", () => {
  it.each(["/troubleshooting/%ff", "/codes/%", "/mock-idp/%ff", "/mock-idp/scenarios/%ff/.well-known/openid-configuration", "/troubleshooting/invalid-client%zz", "/libraries/%ff", "/tools/%ff", "/troubleshooting/%ff.md", "/api/search/%c3%28", "/%e2%82"])(
    "refuses %s, naming the segment",
    (path) => {
      const verdict = checkPathEncoding(path);
      expect(verdict.ok).toBe(false);
      if (!verdict.ok) expect(path).toContain(verdict.segment);
    },
  );

  it.each(["/", "/troubleshooting/invalid-client", "/codes/invalid%5Fclient", "/troubleshooting/%E2%82%AC", "/api/search", "/mock-idp/scenarios/wrong-issuer/.well-known/openid-configuration"])("passes %s", (path) => {
    expect(checkPathEncoding(path)).toEqual({ ok: true });
  });
});

describe("expectsJson", () => {
  it("is true for APIs, MCP, well-known documents and the mock IdP's endpoints", () => {
    for (const path of ["/api/search", "/mcp", "/.well-known/mcp", "/search-index.json", "/mock-idp", "/mock-idp/oauth/token", "/mock-idp/scenarios/x/oauth/userinfo"]) expect(expectsJson(path), path).toBe(true);
  });

  it("is false for pages, including the mock IdP's screens", () => {
    for (const path of ["/", "/troubleshooting/x", "/codes/%", "/mock-idp/login", "/mock-idp/device", "/mock-idp/error", "/mock-idp/promote", "/llms.txt"]) expect(expectsJson(path), path).toBe(false);
  });
});

describe("checkMethod", () => {
  it("lets pages take GET and HEAD only, and answers OPTIONS itself", () => {
    for (const path of ["/", "/troubleshooting/invalid-client", "/troubleshooting/invalid-client.md", "/codes/invalid_client", "/llms.txt", "/sitemap.xml", "/mock-idp/login", "/no/such/page"]) {
      expect(checkMethod("GET", path), path).toEqual({ kind: "pass" });
      expect(checkMethod("HEAD", path), path).toEqual({ kind: "pass" });
      expect(checkMethod("OPTIONS", path), path).toEqual({ kind: "options", allow: "GET, HEAD, OPTIONS" });
      for (const method of ["POST", "PUT", "DELETE", "PATCH", "TRACE", "PROPFIND"]) {
        expect(checkMethod(method, path), `${method} ${path}`).toEqual({ kind: "not_allowed", allow: "GET, HEAD, OPTIONS" });
      }
    }
  });

  it("lets the POST routes take POST and refuses TRACE and PUT there", () => {
    expect(checkMethod("POST", "/api/search")).toEqual({ kind: "pass" });
    expect(checkMethod("POST", "/api/diagnostics/error-lookup")).toEqual({ kind: "pass" });
    expect(checkMethod("GET", "/api/diagnostics/redirect-uri")).toEqual({ kind: "not_allowed", allow: "POST, OPTIONS" });
    expect(checkMethod("POST", "/mock-idp/oauth/token")).toEqual({ kind: "pass" });
    expect(checkMethod("POST", "/mock-idp/scenarios/rotated-key/oauth/token")).toEqual({ kind: "pass" });
    expect(checkMethod("TRACE", "/api/search")).toEqual({ kind: "not_allowed", allow: "GET, HEAD, POST, OPTIONS" });
    expect(checkMethod("PUT", "/mock-idp/oauth/token")).toEqual({ kind: "not_allowed", allow: "GET, HEAD, POST, OPTIONS" });
    expect(checkMethod("POST", "/api/entries")).toEqual({ kind: "not_allowed", allow: "GET, HEAD, OPTIONS" });
  });

  it("leaves OPTIONS to route handlers that answer it (CORS preflight, Next's Allow)", () => {
    expect(checkMethod("OPTIONS", "/mock-idp/oauth/token")).toEqual({ kind: "pass" });
    expect(checkMethod("OPTIONS", "/api/search")).toEqual({ kind: "pass" });
    expect(checkMethod("OPTIONS", "/mock-idp")).toEqual({ kind: "options", allow: "GET, HEAD, OPTIONS" });
  });

  it("passes GET and DELETE on /mcp to its handler, which explains the 405, and refuses the rest", () => {
    expect(methodPolicy("/mcp").allow).toEqual(["POST"]);
    expect(checkMethod("GET", "/mcp")).toEqual({ kind: "pass" });
    expect(checkMethod("DELETE", "/mcp")).toEqual({ kind: "pass" });
    expect(checkMethod("PATCH", "/mcp")).toEqual({ kind: "not_allowed", allow: "POST, OPTIONS" });
  });

  it("compares methods case-sensitively, as HTTP does", () => {
    expect(checkMethod("get", "/")).toMatchObject({ kind: "not_allowed" });
  });
});

describe("gateRequest", () => {
  it("refuses a bad encoding before looking at the method", () => {
    const decision = gateRequest("TRACE", "/codes/%");
    expect(decision).toMatchObject({ kind: "refuse", refusal: { status: 400, error: "invalid_path" } });
  });

  it("answers JSON on an API path and an escaped page elsewhere", async () => {
    const api = toGateResponse({ kind: "refuse", refusal: { status: 400, error: "invalid_path", message: "bad" } }, "/api/search", "GET");
    expect(api.status).toBe(400);
    expect(api.headers.get("content-type")).toContain("application/json");
    expect(await api.json()).toEqual({ error: "invalid_path", message: "bad" });

    const decision = gateRequest("GET", "/troubleshooting/%3Cscript%3Ealert(1)%3C/script%3E%zz");
    if (decision.kind !== "refuse") throw new Error("expected a refusal");
    const page = toGateResponse(decision, "/troubleshooting/x", "GET");
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(page.headers.get("content-security-policy")).toContain("script-src 'none'");
    const html = await page.text();
    expect(html).toContain("400 Bad request");
    expect(html).not.toContain("<script>");
  });

  it("answers a 405 with Allow, and HEAD without a body", async () => {
    const decision = gateRequest("PUT", "/troubleshooting/invalid-client");
    if (decision.kind === "pass") throw new Error("expected a refusal");
    const response = toGateResponse(decision, "/troubleshooting/invalid-client", "PUT");
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
    const head = toGateResponse({ kind: "refuse", refusal: { status: 400, error: "invalid_path", message: "bad" } }, "/x", "HEAD");
    expect(head.status).toBe(400);
    expect(await head.text()).toBe("");
  });

  it("answers OPTIONS on a page with 204 and Allow", () => {
    const decision = gateRequest("OPTIONS", "/codes");
    if (decision.kind === "pass") throw new Error("expected an answer");
    const response = toGateResponse(decision, "/codes", "OPTIONS");
    expect(response.status).toBe(204);
    expect(response.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
  });
});
