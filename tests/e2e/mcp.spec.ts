// The MCP endpoint on the production server (`next start`), driven by the SDK's own client over
// real HTTP: the handshake, the tool list, a search and a live check of the bundled IdP.
import { expect, test } from "@playwright/test";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";

test("an SDK client lists the tools, searches and checks the bundled IdP over HTTP", async ({ baseURL }) => {
  const client = new Client({ name: "fixbook-e2e", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(new URL("/mcp", baseURL)));
  try {
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual(expect.arrayContaining(["search", "get_entry", "lookup_code", "check_discovery", "check_jwks", "check_redirect_uri", "provider_precedence"]));

    const search = (await client.callTool({ name: "search", arguments: { query: '{"error":"invalid_client"}' } })) as CallToolResult;
    expect((search.structuredContent as { results: Array<{ slug: string }> }).results[0]?.slug).toBe("invalid-client");

    const check = (await client.callTool({ name: "check_discovery", arguments: { issuer: `${baseURL}/mock-idp/scenarios/wrong-issuer` } })) as CallToolResult;
    const result = check.structuredContent as { ok: boolean; checks: Array<{ id: string; status: string }> };
    expect(result.ok).toBe(false);
    expect(result.checks.find((finding) => finding.id === "discovery.issuer")?.status).toBe("fail");
  } finally {
    await client.close();
  }
});

test("the server card names the endpoint and the same tools", async ({ request, baseURL }) => {
  for (const path of ["/.well-known/mcp", "/.well-known/mcp.json", "/.well-known/mcp/server-card.json"]) {
    const response = await request.get(path);
    expect(response.status()).toBe(200);
    const card = await response.json();
    expect(card.transport).toMatchObject({ type: "streamable-http", endpoint: expect.stringMatching(/\/mcp$/) });
    expect(card.tools.map((tool: { name: string }) => tool.name)).toContain("check_discovery");
  }
  // A page on another site cannot reach the endpoint through the user's browser.
  const foreign = await request.post("/mcp", { headers: { origin: "https://attacker.example", "content-type": "application/json", accept: "application/json, text/event-stream" }, data: { jsonrpc: "2.0", id: 1, method: "tools/list" } });
  expect(foreign.status()).toBe(403);
  expect(baseURL).toBeTruthy();
});
