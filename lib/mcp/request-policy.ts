// Which requests may reach the MCP endpoint. A browser page on another site must not talk to it
// through a rebound DNS name (MCP's transport rules require Origin validation), so the Host and
// Origin headers are checked before anything is parsed. Pure: the route reads the environment.

export type McpRequestPolicy = {
  /** Host names (no port) the site is reached under, besides loopback. */
  hosts: readonly string[];
  /** Origins a browser-based client may call from, besides loopback and the site's own. */
  origins: readonly string[];
};

export type PolicyVerdict = { ok: true } | { ok: false; message: string };

const loopbackHosts = new Set(["localhost", "127.0.0.1", "[::1]"]);

function csv(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

/**
 * The site's own host (from SITE_URL, when set) plus `MCP_ALLOWED_HOSTS` and
 * `MCP_ALLOWED_ORIGINS` (comma-separated). Loopback is always allowed.
 */
export function mcpPolicyFromEnv(env: Record<string, string | undefined>): McpRequestPolicy {
  const site = env.SITE_URL?.trim();
  const siteUrl = site && URL.canParse(site) ? new URL(site) : undefined;
  return {
    hosts: [...(siteUrl ? [siteUrl.hostname] : []), ...csv(env.MCP_ALLOWED_HOSTS).map((host) => host.toLowerCase())],
    origins: [...(siteUrl ? [siteUrl.origin] : []), ...csv(env.MCP_ALLOWED_ORIGINS).flatMap((origin) => (URL.canParse(origin) ? [new URL(origin).origin] : []))],
  };
}

function hostnameOf(host: string): string | undefined {
  return URL.canParse(`http://${host}`) ? new URL(`http://${host}`).hostname : undefined;
}

/** Checks the Host header (or the URL's host) and, when a browser sent one, the Origin header. */
export function checkMcpRequest(request: Request, policy: McpRequestPolicy): PolicyVerdict {
  const host = request.headers.get("host") ?? new URL(request.url).host;
  const hostname = hostnameOf(host);
  if (hostname === undefined || !(loopbackHosts.has(hostname) || policy.hosts.includes(hostname))) {
    return {
      ok: false,
      message: `Host "${host.slice(0, 100)}" is not a name this MCP endpoint answers under. Operators: set SITE_URL to the public URL, or list extra host names in MCP_ALLOWED_HOSTS.`,
    };
  }
  const origin = request.headers.get("origin");
  if (origin === null) return { ok: true };
  const parsed = URL.canParse(origin) ? new URL(origin) : undefined;
  const allowed = parsed !== undefined && (loopbackHosts.has(parsed.hostname) || parsed.origin === new URL(`${new URL(request.url).protocol}//${host}`).origin || policy.origins.includes(parsed.origin));
  if (!allowed) {
    return {
      ok: false,
      message: `Origin "${origin.slice(0, 100)}" may not call this MCP endpoint from a browser. Call it from an MCP client (no Origin header), or operators can list the origin in MCP_ALLOWED_ORIGINS.`,
    };
  }
  return { ok: true };
}
