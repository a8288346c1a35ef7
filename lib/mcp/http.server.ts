// `/mcp`: the MCP Streamable HTTP endpoint, stateless. Each POST gets a fresh server and transport
// (the SDK's Web-standard one, answering JSON rather than an SSE stream); nothing outlives the
// request. Host and Origin are checked first, then a per-client request budget; the check_*
// tools also spend the diagnostics' budget, like the API routes. Budgets are counted in Redis
// when REDIS_URL is set, so every instance spends the same one.
import "server-only";
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { getCatalogue } from "@/lib/content/catalogue.server";
import { getCodeReference } from "@/lib/codes/reference";
import { clientAddress, parseProxyTrust, type ProxyTrust } from "@/lib/net/client-address";
import { siteOrigin } from "@/lib/net/diagnostics-fetch.server";
import { parseCount } from "@/lib/net/diagnostics-limits.server";
import { runDiagnostic } from "@/lib/net/diagnostics-route.server";
import { getSearchIndex } from "@/lib/search/index.server";
import type { RateLimitStore } from "@/lib/store/rate-limit";
import { getSharedRateLimits } from "@/lib/store/rate-limit.server";
import { isSharedStoreUnavailable } from "@/lib/store/unavailable";
import { getSiteOrigin } from "@/lib/site.server";
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

const limiterKey = Symbol.for("oidc-rp-troubleshooting.mcp.limiter");

type McpLimiter = { store: RateLimitStore; points: number; trust: ProxyTrust };

// Route bundles may hold separate copies of this module, so the one budget sits on globalThis.
function getLimiter(): McpLimiter | string {
  const holder: Record<symbol, McpLimiter | undefined> = globalThis;
  const existing = holder[limiterKey];
  if (existing) return existing;
  const points = parseCount(process.env.MCP_RATE_LIMIT, defaultMcpRequestsPerMinute, 10_000);
  if (points === null) return `MCP_RATE_LIMIT must be a whole number of requests per minute from 1 to 10000 (got "${process.env.MCP_RATE_LIMIT}")`;
  const proxyTrust = parseProxyTrust(process.env);
  if (!proxyTrust.ok) return proxyTrust.message;
  let store: RateLimitStore;
  try {
    store = getSharedRateLimits();
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  const created = { store, points, trust: proxyTrust.trust };
  holder[limiterKey] = created;
  return created;
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

  const limits = getLimiter();
  if (typeof limits === "string") {
    console.error(`[mcp] ${limits}`);
    return jsonRpcError(503, -32000, `The MCP endpoint is switched off until the server's configuration is fixed: ${limits}`);
  }
  const { store, points, trust } = limits;
  let decision;
  try {
    decision = await store.hit("mcp", clientAddress(request.headers, trust), { max: points, windowSeconds: 60 });
  } catch (error) {
    if (!isSharedStoreUnavailable(error)) throw error;
    return jsonRpcError(503, -32000, error.message, { "retry-after": "5" });
  }
  if (!decision.ok) {
    const seconds = decision.retryAfterSeconds;
    return jsonRpcError(429, -32000, `Too many MCP requests from this client: at most ${points} a minute. Try again in ${seconds} s.`, { "retry-after": String(seconds) });
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
