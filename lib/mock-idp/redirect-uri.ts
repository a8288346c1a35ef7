// redirect_uri matching as logi does it: character for character against the client's list.
// When there is no exact match, a registered URI that differs only in a typical way (trailing
// slash, scheme, subdomain, port, added query, fragment, letter case) is a near miss
// (redirect_uri_mismatch); anything else is "not registered". Pure.

export const redirectUriDifferences = ["trailing-slash", "scheme", "subdomain", "port", "query", "fragment", "letter-case"] as const;

export type RedirectUriDifference = (typeof redirectUriDifferences)[number];

export function isRedirectUriDifference(value: string): value is RedirectUriDifference {
  return redirectUriDifferences.some((difference) => difference === value);
}

export type RedirectUriMatch =
  | { kind: "exact" }
  | { kind: "near-miss"; registered: string; differences: RedirectUriDifference[] }
  | { kind: "not-registered" };

function effectivePort(url: URL): string {
  if (url.port !== "") return url.port;
  return url.protocol === "https:" ? "443" : url.protocol === "http:" ? "80" : "";
}

function isIpAddress(host: string): boolean {
  return /^[\d.]+$/.test(host) || host.startsWith("[");
}

/** Hosts that share a parent domain (app.example.com vs www.app.example.com, or staging.example.com). */
function isSubdomainVariant(a: string, b: string): boolean {
  if (a === b || isIpAddress(a) || isIpAddress(b)) return false;
  if (a.endsWith(`.${b}`) || b.endsWith(`.${a}`)) return true;
  const parent = (host: string) => host.split(".").slice(-2).join(".");
  return a.split(".").length > 2 && b.split(".").length > 2 && parent(a) === parent(b);
}

function compareTo(given: URL, givenRaw: string, registeredRaw: string): RedirectUriDifference[] | null {
  if (!URL.canParse(registeredRaw)) return null;
  const registered = new URL(registeredRaw);
  const differences: RedirectUriDifference[] = [];
  if (given.username !== registered.username || given.password !== registered.password) return null;

  if (given.protocol !== registered.protocol) {
    const web = ["http:", "https:"];
    if (!web.includes(given.protocol) || !web.includes(registered.protocol)) return null;
    differences.push("scheme");
  }
  if (given.hostname !== registered.hostname) {
    if (!isSubdomainVariant(given.hostname, registered.hostname)) return null;
    differences.push("subdomain");
  }
  // A scheme change also changes the default port; only count ports written out explicitly.
  if (effectivePort(given) !== effectivePort(registered) && !(differences.includes("scheme") && given.port === "" && registered.port === "")) {
    differences.push("port");
  }
  if (given.pathname !== registered.pathname) {
    const a = given.pathname.replace(/\/$/, "");
    const b = registered.pathname.replace(/\/$/, "");
    if (a === b) differences.push("trailing-slash");
    else if (a.toLowerCase() === b.toLowerCase()) differences.push("letter-case");
    else return null;
  }
  if (given.search !== registered.search) {
    // Registered URIs never carry a query, so any difference is an added query string.
    differences.push("query");
  }
  if (given.hash !== "" || givenRaw.includes("#")) differences.push("fragment");
  if (differences.length === 0) {
    // Same URL after parsing, different characters: letter case in scheme/host, an explicit default port, escaping.
    differences.push("letter-case");
  }
  return differences;
}

export function matchRedirectUri(given: string, registered: readonly string[]): RedirectUriMatch {
  if (registered.includes(given)) return { kind: "exact" };
  if (!URL.canParse(given)) return { kind: "not-registered" };
  const url = new URL(given);
  let best: { registered: string; differences: RedirectUriDifference[] } | null = null;
  for (const candidate of registered) {
    const differences = compareTo(url, given, candidate);
    if (differences && (best === null || differences.length < best.differences.length)) best = { registered: candidate, differences };
  }
  return best === null ? { kind: "not-registered" } : { kind: "near-miss", ...best };
}

const explanations: Record<RedirectUriDifference, string> = {
  "trailing-slash": "the paths differ only by a trailing slash",
  scheme: "the schemes differ (http vs https)",
  subdomain: "the hosts are different subdomains",
  port: "the ports differ",
  query: "the request adds a query string (registered redirect_uris never have one)",
  fragment: "the request adds a #fragment, which a redirect_uri may never have",
  "letter-case": "the URIs differ in letter case or spelling (e.g. an explicit default port or escaping) although they look alike",
};

export function describeRedirectUriDifference(difference: RedirectUriDifference): string {
  return explanations[difference];
}

export function describeRedirectUriMismatch(given: string, registered: string, differences: readonly RedirectUriDifference[]): string {
  return `redirect_uri does not match the registered ${registered} character for character: ${differences.map((difference) => explanations[difference]).join("; ")}. Got ${given}.`;
}
