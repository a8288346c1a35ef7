// `/mcp`: the MCP Streamable HTTP endpoint, stateless. Each POST gets a fresh server and transport
// (the SDK's Web-standard one, answering JSON rather than an SSE stream); nothing outlives the
// request. Host and Origin are checked first, then a per-client request budget; the check_*
// tools also spend the diagnostics' budget, like the API routes. Budgets are counted in Redis
// when REDIS_URL is set, so every instance spends the same one.
import "server-only";
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { getCatalogue } from "@/lib/content/catalogue.server";
import { getCodeReference } from "@/lib/codes/reference";
import { siteOrigin } from "@/lib/net/diagnostics-fetch.server";
import { runDiagnostic } from "@/lib/net/diagnostics-route.server";
import { getSearchIndex } from "@/lib/search/index.server";
import { getSiteOrigin } from "@/lib/site.server";
import { spendClientBudget } from "@/lib/store/client-budget.server";
import { checkMcpRequest, mcpPolicyFromEnv } from "./request-policy";
import { createMcpServer } from "./server";
import type { McpContext } from "./tools";

/** Largest JSON-RPC body accepted (a pasted stack trace fits many times over). */
export const maxMcpBodyBytes = 64 * 1024;

/** `MCP_RATE_LIMIT`: requests per client per minute (a session is a few: initialize, list, calls). */
export const defaultMcpRequestsPerMinute = 120;

function jsonRpcError(status: number, code: number, message: string, headers: Record<string, string> = {}): Response {
  return Response.json({ jsonrpc: "2.0", error: { code, message }, id: null }, { status, headers: { "cache-control": "no-store", ...headers } });
}

/** Where links in answers point: the configured public URL, else the origin the client reached. */
function answerOrigin(request: Request): string {
  return process.env.SITE_URL?.trim() ? getSiteOrigin() : siteOrigin(request);
}

function createContext(request: Request): McpContext {
  return {
    origin: answerOrigin(request),
    catalogue: getCatalogue,
    searchIndex: getSearchIndex,
    codes: getCodeReference,
    runDiagnostic: (toolId, input) => runDiagnostic(request, toolId, input),
  };
}

export async function serveMcp(request: Request): Promise<Response> {
  const verdict = checkMcpRequest(request, mcpPolicyFromEnv(process.env));
  if (!verdict.ok) return jsonRpcError(403, -32000, verdict.message);
  if (request.method !== "POST") {
    return jsonRpcError(405, -32000, `${request.method} is not supported: this endpoint is stateless, so there is no event stream or session to open or delete. POST JSON-RPC messages to it.`, { allow: "POST" });
  }

  const budget = await spendClientBudget(request, { name: "mcp", variable: "MCP_RATE_LIMIT", fallback: defaultMcpRequestsPerMinute, max: 10_000 });
  if (budget.kind === "misconfigured") {
    console.error(`[mcp] ${budget.message}`);
    return jsonRpcError(503, -32000, `The MCP endpoint is switched off until the server's configuration is fixed: ${budget.message}`);
  }
  if (budget.kind === "unavailable") return jsonRpcError(503, -32000, budget.error.message, { "retry-after": "5" });
  if (budget.kind === "over") {
    const seconds = budget.retryAfterSeconds;
    return jsonRpcError(429, -32000, `Too many MCP requests from this client: at most ${budget.perMinute} a minute. Try again in ${seconds} s.`, { "retry-after": String(seconds) });
  }

  const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true, maxRequestBodySize: maxMcpBodyBytes });
  const server = createMcpServer(createContext(request));
  try {
    await server.connect(transport);
    const response = await transport.handleRequest(request);
    response.headers.set("cache-control", "no-store");
    return response;
  } finally {
    await server.close();
  }
}
