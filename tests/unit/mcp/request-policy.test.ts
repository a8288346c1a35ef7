// Which Host and Origin headers may reach /mcp (DNS-rebinding protection).
import { describe, expect, it } from "vitest";
import { checkMcpRequest, mcpPolicyFromEnv } from "@/lib/mcp/request-policy";

function request(url: string, headers: Record<string, string> = {}): Request {
  return new Request(url, { method: "POST", headers });
}

describe("mcpPolicyFromEnv", () => {
  it("allows the SITE_URL host and origin plus the listed extras, ignoring blanks and bad origins", () => {
    const policy = mcpPolicyFromEnv({ SITE_URL: "https://fixbook.example.com/", MCP_ALLOWED_HOSTS: " Internal.Example , ,", MCP_ALLOWED_ORIGINS: "https://tools.example.org/path, not a url" });
    expect(policy).toEqual({ hosts: ["fixbook.example.com", "internal.example"], origins: ["https://fixbook.example.com", "https://tools.example.org"] });
  });

  it("allows only loopback when nothing is configured", () => {
    expect(mcpPolicyFromEnv({})).toEqual({ hosts: [], origins: [] });
  });
});

describe("checkMcpRequest", () => {
  const none = { hosts: [], origins: [] };
  const site = { hosts: ["fixbook.example.com"], origins: ["https://fixbook.example.com"] };

  it("accepts loopback hosts on any port, without an Origin (a non-browser client)", () => {
    for (const host of ["localhost:3000", "127.0.0.1:3100", "[::1]:8080", "LOCALHOST"]) {
      expect(checkMcpRequest(request("http://127.0.0.1/mcp", { host }), none)).toEqual({ ok: true });
    }
  });

  it("falls back to the URL's host when there is no Host header", () => {
    expect(checkMcpRequest(request("http://127.0.0.1:3999/mcp"), none).ok).toBe(true);
    expect(checkMcpRequest(request("http://evil.example/mcp"), none).ok).toBe(false);
  });

  it("refuses a name the site does not answer under, saying which setting to change", () => {
    const verdict = checkMcpRequest(request("http://127.0.0.1/mcp", { host: "rebound.attacker.example:3000" }), none);
    expect(verdict).toEqual({ ok: false, message: expect.stringContaining("MCP_ALLOWED_HOSTS") });
    expect(checkMcpRequest(request("http://127.0.0.1/mcp", { host: "fixbook.example.com" }), site).ok).toBe(true);
    expect(checkMcpRequest(request("http://127.0.0.1/mcp", { host: "fixbook.example.com.attacker.example" }), site).ok).toBe(false);
    expect(checkMcpRequest(request("http://127.0.0.1/mcp", { host: "a b" }), site).ok).toBe(false);
  });

  it("accepts the site's own, loopback and listed origins, and refuses others and junk", () => {
    const at = (origin: string, policy = site) => checkMcpRequest(request("https://fixbook.example.com/mcp", { host: "fixbook.example.com", origin }), policy).ok;
    expect(at("https://fixbook.example.com")).toBe(true);
    expect(at("http://localhost:6274")).toBe(true);
    expect(at("https://attacker.example")).toBe(false);
    expect(at("null")).toBe(false);
    expect(at("https://tools.example.org", { ...site, origins: [...site.origins, "https://tools.example.org"] })).toBe(true);
    expect(checkMcpRequest(request("https://fixbook.example.com/mcp", { host: "fixbook.example.com", origin: "https://attacker.example" }), site)).toEqual({ ok: false, message: expect.stringContaining("MCP_ALLOWED_ORIGINS") });
  });
});
