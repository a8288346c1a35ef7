// The MCP endpoint driven by the SDK's own client, with the route handler called in process as
// Next calls it: list the tools, call each, read the resources, and refuse what must be refused.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { DELETE, GET, POST } from "@/app/mcp/route";

vi.mock("server-only", () => ({}));

const site = "http://127.0.0.1:3999";
const handlers: Record<string, (request: Request) => Promise<Response>> = { GET, POST, DELETE };

let clientAddress = 0;

/** A fetch that hands each request to the route handler, from one client address per test. */
function routeFetch(address: string, extraHeaders: Record<string, string> = {}) {
  return async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const headers = new Headers(request.headers);
    headers.set("x-forwarded-for", address);
    for (const [key, value] of Object.entries(extraHeaders)) headers.set(key, value);
    const handler = handlers[request.method];
    if (!handler) return new Response(null, { status: 405 });
    return handler(new Request(request, { headers }));
  };
}

async function connect(extraHeaders: Record<string, string> = {}): Promise<Client> {
  clientAddress += 1;
  const client = new Client({ name: "fixbook-test", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(new URL(`${site}/mcp`), { fetch: routeFetch(`198.51.100.${clientAddress}`, extraHeaders) }));
  return client;
}

function text(result: CallToolResult): string {
  const first = result.content[0];
  return first?.type === "text" ? first.text : "";
}

type Structured = Record<string, unknown> & { results?: Array<Record<string, unknown>>; checks?: Array<Record<string, unknown>> };

async function call(client: Client, name: string, args: Record<string, unknown>): Promise<{ result: CallToolResult; structured: Structured }> {
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
  return { result, structured: (result.structuredContent ?? {}) as Structured };
}

let client: Client;

beforeEach(async () => {
  client = await connect();
});

afterEach(async () => {
  await client.close();
});

describe("tools/list", () => {
  it("lists the seven read-only tools with object input schemas and descriptions", async () => {
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual(["check_discovery", "check_jwks", "check_redirect_uri", "get_entry", "lookup_code", "provider_precedence", "search"]);
    for (const tool of tools) {
      expect(tool.inputSchema.type).toBe("object");
      expect(tool.description?.length ?? 0).toBeGreaterThan(80);
      expect(tool.annotations).toMatchObject({ readOnlyHint: true, destructiveHint: false });
    }
    const jwks = tools.find((tool) => tool.name === "check_jwks");
    expect(Object.keys(jwks?.inputSchema.properties ?? {})).toEqual(["issuer", "jwks_uri"]);
  });
});

describe("search", () => {
  it("puts the invalid-client entry first for a pasted error body", async () => {
    const { result, structured } = await call(client, "search", { query: '{"error":"invalid_client"}' });
    expect(result.isError).toBeFalsy();
    expect(structured.results?.[0]).toMatchObject({ slug: "invalid-client", url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:3999\/troubleshooting\/invalid-client/) });
    expect(String(structured.results?.[0]?.why)).toContain("invalid_client");
    expect(JSON.parse(text(result))).toEqual(structured);
  });

  it("honours limit and refuses an empty query with a message saying what to pass", async () => {
    const { structured } = await call(client, "search", { query: "redirect_uri mismatch", limit: 2 });
    expect(structured.results).toHaveLength(2);
    const empty = await call(client, "search", { query: "  " });
    expect(empty.result.isError).toBe(true);
    expect(text(empty.result)).toMatch(/empty/);
    const unknown = await call(client, "search", { query: "x", colour: "red" });
    expect(unknown.result.isError).toBe(true);
    expect(text(unknown.result)).toContain("colour");
  });

  it("takes an optional library, echoed, and refuses an unknown one", async () => {
    const { result, structured } = await call(client, "search", { query: "unexpected iss value", library: "openid-client" });
    expect(result.isError).toBeFalsy();
    expect(structured.library).toBe("openid-client");
    expect(structured.results?.[0]).toMatchObject({ slug: "iss-mismatch" });
    const unknown = await call(client, "search", { query: "x", library: "no-such-lib" });
    expect(unknown.result.isError).toBe(true);
    expect(text(unknown.result)).toMatch(/Unknown library "no-such-lib": use one of .*openid-client/);
  });
});

describe("get_entry", () => {
  it("answers the entry as Markdown with its structured fields and absolute cause links", async () => {
    const { result, structured } = await call(client, "get_entry", { slug: "invalid-client" });
    expect(text(result)).toMatch(/^# .*invalid_client/m);
    expect(text(result)).toContain("## Fix");
    expect(structured).toMatchObject({ slug: "invalid-client", codes: expect.arrayContaining(["invalid_client"]) });
    const causes = structured.causes as Array<{ id: string; url: string }>;
    expect(causes.length).toBeGreaterThan(0);
    for (const cause of causes) expect(cause.url).toBe(`${site}/troubleshooting/invalid-client#invalid-client--${cause.id}`);
  });

  it("refuses an unknown slug, suggesting entries", async () => {
    const { result } = await call(client, "get_entry", { slug: "invalid-clients" });
    expect(result.isError).toBe(true);
    expect(text(result)).toMatch(/^not_found: .*Closest entries: .*invalid-client/);
  });
});

describe("lookup_code", () => {
  it("gives every definition of a code and the entries that carry it, case-insensitively", async () => {
    const { structured } = await call(client, "lookup_code", { code: "INVALID_GRANT" });
    expect(structured.code).toBe("invalid_grant");
    expect((structured.definitions as unknown[]).length).toBeGreaterThan(0);
    expect((structured.entries as Array<{ url: string }>).every((entry) => entry.url.startsWith(`${site}/troubleshooting/`))).toBe(true);
  });

  it("refuses a code the reference does not hold", async () => {
    const { result } = await call(client, "lookup_code", { code: "no_such_code_anywhere" });
    expect(result.isError).toBe(true);
    expect(text(result)).toMatch(/^unknown_code: /);
  });
});

describe("diagnostics", () => {
  it("check_discovery passes on the bundled IdP and fails a scenario with its finding and entry", async () => {
    const healthy = await call(client, "check_discovery", { issuer: `${site}/mock-idp` });
    expect(healthy.structured).toMatchObject({ tool: "discovery", ok: true });
    const broken = await call(client, "check_discovery", { issuer: `${site}/mock-idp/scenarios/wrong-issuer` });
    expect(broken.structured.ok).toBe(false);
    expect(broken.structured.checks?.find((check) => check.id === "discovery.issuer")).toMatchObject({ status: "fail", entry: expect.stringMatching(/^\/troubleshooting\/iss-mismatch#/) });
  });

  it("check_jwks lists the bundled IdP's keys and refuses a token", async () => {
    const { structured } = await call(client, "check_jwks", { issuer: `${site}/mock-idp` });
    expect(structured).toMatchObject({ tool: "jwks" });
    expect((structured.keys as unknown[]).length).toBeGreaterThan(0);
    const withToken = await call(client, "check_jwks", { issuer: `${site}/mock-idp`, token: "eyJhbGciOiJSUzI1NiJ9" });
    expect(withToken.result.isError).toBe(true);
    expect(text(withToken.result)).toMatch(/^token_not_accepted: /);
  });

  it("check_redirect_uri compares offline and asks the bundled IdP live", async () => {
    const offline = await call(client, "check_redirect_uri", { registered: ["https://app.example.com/callback"], redirect_uri: "https://app.example.com/callback/" });
    expect(offline.structured).toMatchObject({ verdict: "redirect_uri_mismatch" });
    expect(offline.structured.differences).toEqual(expect.arrayContaining([expect.objectContaining({ kind: "trailing_slash" })]));
    const live = await call(client, "check_redirect_uri", { issuer: `${site}/mock-idp`, client_id: "logi_demo_web", redirect_uri: "http://localhost:3000/auth/callback" });
    expect(live.structured).toMatchObject({ verdict: "registered" });
  });

  it("provider_precedence computes the effective methods with a demo URL on this site", async () => {
    const { structured } = await call(client, "provider_precedence", { base: "google,kakao,email", provider: "kakao" });
    expect(structured.effective).toEqual(["kakao"]);
    expect(String(structured.authorize_url)).toMatch(/^http:\/\/127\.0\.0\.1:3999\/mock-idp\//);
  });

  it("answers bad input with the API's message, as a tool error", async () => {
    const { result } = await call(client, "check_discovery", { issuer: "not a url" });
    expect(result.isError).toBe(true);
    expect(text(result)).toMatch(/^invalid_request: discovery: .*issuer/);
  });

  it("refuses loopback targets other than the bundled IdP, like the API", async () => {
    const { result } = await call(client, "check_discovery", { issuer: "http://127.0.0.1:9/x" });
    expect(result.isError).toBe(true);
    expect(text(result)).toContain("DIAGNOSTICS_ALLOW_PRIVATE_NETWORK");
  });

  it("answers an unknown tool with a protocol error naming the tools", async () => {
    await expect(client.callTool({ name: "delete_everything", arguments: {} })).rejects.toThrow(/Unknown tool.*search/);
  });
});

describe("resources", () => {
  it("lists every entry and reads one as Markdown, also under a retired slug", async () => {
    const { resources } = await client.listResources();
    const uris = resources.map((resource) => resource.uri);
    expect(uris).toContain("fixbook://entries");
    expect(uris).toContain("fixbook://entries/invalid-client");
    const read = await client.readResource({ uri: "fixbook://entries/invalid-client" });
    expect(read.contents[0]).toMatchObject({ mimeType: "text/markdown", text: expect.stringContaining("## Cause") });
    const index = await client.readResource({ uri: "fixbook://entries" });
    const first = index.contents[0];
    const list = JSON.parse(first && "text" in first ? first.text : "") as { entries: unknown[] };
    expect(list.entries.length).toBe(uris.filter((uri) => uri.startsWith("fixbook://entries/")).length);
  });
});

describe("transport rules", () => {
  function post(headers: Record<string, string>, body: unknown = { jsonrpc: "2.0", id: 1, method: "tools/list" }): Request {
    return new Request(`${site}/mcp`, { method: "POST", headers: { "content-type": "application/json", accept: "application/json, text/event-stream", "x-forwarded-for": "192.0.2.7", ...headers }, body: JSON.stringify(body) });
  }

  it("refuses a foreign Host (DNS rebinding) and a foreign browser Origin with 403 JSON-RPC errors", async () => {
    const foreign: Array<Record<string, string>> = [{ host: "attacker.example:3999" }, { origin: "https://attacker.example" }];
    for (const headers of foreign) {
      const response = await POST(post(headers));
      expect(response.status).toBe(403);
      const body = await response.json();
      expect(body).toMatchObject({ jsonrpc: "2.0", error: { code: -32000, message: expect.stringMatching(/MCP_ALLOWED_(HOSTS|ORIGINS)/) } });
    }
  });

  it("accepts the site's own origin from a browser", async () => {
    const response = await POST(post({ origin: site }, { jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "t", version: "1" } } }));
    expect(response.status).toBe(200);
  });

  it("answers GET and DELETE with 405 (no stream, no session) and an oversized body with 413", async () => {
    expect((await GET(new Request(`${site}/mcp`, { headers: { accept: "text/event-stream" } }))).status).toBe(405);
    expect((await DELETE(new Request(`${site}/mcp`, { method: "DELETE" }))).status).toBe(405);
    const huge = await POST(post({}, { jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: "search", arguments: { query: "x".repeat(70_000) } } }));
    expect(huge.status).toBe(413);
  });

  it("answers malformed JSON with a 4xx JSON-RPC parse error", async () => {
    const response = await POST(new Request(`${site}/mcp`, { method: "POST", headers: { "content-type": "application/json", accept: "application/json, text/event-stream" }, body: "{not json" }));
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe(-32700);
  });
});
