// redirect_uri matching as logi does it, shared by the bundled mock IdP's authorization endpoint
// and the redirect_uri checker, so both give the same answer. Rules, in the order they apply:
//   1. Only a character-for-character match with a registered URI is "registered".
//   2. Otherwise each registered URI is compared part by part (scheme, host, port, path, query,
//      fragment, written as sent, not normalised). Every difference is a typical slip (a "near"
//      difference) or a different place altogether.
//   3. A registered URI whose differences are all near makes the request a near miss:
//      302 to the IdP's error page with redirect_uri_mismatch. Near: http vs https, a www. prefix,
//      the port, a trailing slash, letter case, percent-encoding, a query string, a fragment.
//   4. With no near miss the answer is 400 invalid_request "redirect_uri not registered". That
//      covers a renamed path, another scheme family (app:// vs https://), and every other host:
//      a preview or branch host under a registered one (pr-12.app.example.com), a sibling
//      staging host (staging.example.com next to app.example.com), a host a registered `*`
//      would cover (the list is static: `*` is compared as a literal character), an unrelated
//      domain. The closest related URI is still reported, to explain the refusal.
// Browser-safe and pure: no URL normalisation is trusted, because the IdP compares strings.

/** Difference kinds as the redirect_uri API reports them (DESIGN's contract). */
export const redirectUriDifferenceKinds = ["scheme", "host", "port", "path", "trailing_slash", "query", "fragment", "encoding", "case"] as const;
export type RedirectUriDifferenceKind = (typeof redirectUriDifferenceKinds)[number];

/**
 * The finer codes behind the kinds; the mock's error page names them in its `difference`
 * parameter. `subdomain`, `preview-host`, `sibling-host` and `wildcard-host` are all kind `host`.
 */
export const redirectUriDifferenceCodes = [
  "scheme",
  "other-scheme",
  "subdomain",
  "preview-host",
  "sibling-host",
  "wildcard-host",
  "port",
  "path",
  "trailing-slash",
  "letter-case",
  "encoding",
  "query",
  "fragment",
] as const;
export type RedirectUriDifferenceCode = (typeof redirectUriDifferenceCodes)[number];

const kindOf: Record<RedirectUriDifferenceCode, RedirectUriDifferenceKind> = {
  scheme: "scheme",
  "other-scheme": "scheme",
  subdomain: "host",
  "preview-host": "host",
  "sibling-host": "host",
  "wildcard-host": "host",
  port: "port",
  path: "path",
  "trailing-slash": "trailing_slash",
  "letter-case": "case",
  encoding: "encoding",
  query: "query",
  fragment: "fragment",
};

/** The codes that alone never make a request "not registered" (rule 3). */
const nearCodes: ReadonlySet<RedirectUriDifferenceCode> = new Set(["scheme", "subdomain", "port", "trailing-slash", "letter-case", "encoding", "query", "fragment"]);

export type RedirectUriDifference = {
  code: RedirectUriDifferenceCode;
  kind: RedirectUriDifferenceKind;
  /** True for a typical slip (rule 3); false for a different place (rule 4). */
  near: boolean;
  /** The part as registered and as requested, when the part exists on that side. */
  registered?: string;
  requested?: string;
  /** What differs, in words (lower case, no final period). */
  detail: string;
};

/** What the registry allows; logi never registers a redirect_uri that carries a query. */
export type RedirectUriPolicy = { registeredQuery: "forbidden" | "allowed" };

export const logiRedirectUriPolicy: RedirectUriPolicy = { registeredQuery: "forbidden" };

export type RedirectUriCandidate = { registered: string; differences: RedirectUriDifference[] };

export type RedirectUriMatch =
  | { kind: "exact"; registered: string }
  | ({ kind: "near-miss" } & RedirectUriCandidate)
  /** `closest` is the nearest related registered URI (same host or domain), if any. */
  | { kind: "not-registered"; closest: RedirectUriCandidate | null };

/** The IdP's error_description for rule 4, as logi words it. */
export const notRegisteredDescription = "redirect_uri not registered";

// ---- parts as written (RFC 3986 appendix B), so the comparison sees what the IdP sees ----------

type UriParts = { scheme: string; authority: string | null; userinfo: string; host: string; port: string | null; path: string; query: string | null; fragment: string | null };

const uriPattern = /^([A-Za-z][A-Za-z0-9+.-]*):(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/s;

function splitUri(value: string): UriParts | null {
  if (!URL.canParse(value)) return null;
  const match = uriPattern.exec(value);
  if (match === null) return null;
  const [, scheme = "", authority, path = "", query, fragment] = match;
  let userinfo = "";
  let hostPort = authority ?? "";
  const at = hostPort.lastIndexOf("@");
  if (at >= 0) {
    userinfo = hostPort.slice(0, at);
    hostPort = hostPort.slice(at + 1);
  }
  const portMatch = /^(\[[^\]]*\]|[^:]*)(?::(\d*))?$/.exec(hostPort);
  const host = portMatch?.[1] ?? hostPort;
  const port = portMatch?.[2] ?? null;
  return { scheme, authority: authority ?? null, userinfo, host, port: port === "" ? null : port, path, query: query ?? null, fragment: fragment ?? null };
}

const defaultPorts: Record<string, string> = { http: "80", https: "443" };
const webSchemes = new Set(["http", "https"]);

export function isWebScheme(value: string): boolean {
  const parts = splitUri(value);
  return parts !== null && webSchemes.has(parts.scheme.toLowerCase());
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function isIpHost(host: string): boolean {
  return host.startsWith("[") || /^[\d.]+$/.test(host);
}

function wildcardMatches(pattern: string, host: string): boolean {
  if (!pattern.includes("*")) return false;
  const source = pattern.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join("[^.]*");
  return new RegExp(`^${source}$`).test(host);
}

/** The last two labels: a stand-in for the registrable domain, good enough to say "related". */
function siteOf(host: string): string {
  return host.split(".").slice(-2).join(".");
}

function looksLikeBranchHost(host: string): boolean {
  return /(^|[.-])(git-|pr-?\d+|preview|branch|deploy-preview)/.test(host);
}

type HostRelation = { related: false } | { related: true; difference: RedirectUriDifference | null };

function relateHosts(requested: string, registered: string): HostRelation {
  const a = requested.toLowerCase();
  const b = registered.toLowerCase();
  const parts = { registered, requested };
  if (a === b) return { related: true, difference: null };
  if (wildcardMatches(b, a)) {
    return { related: true, difference: { code: "wildcard-host", kind: "host", near: false, ...parts, detail: `the registered host ${registered} contains *, but redirect_uris are compared as plain strings, so * matches nothing and ${requested} is a host of its own that needs its own registration` } };
  }
  if (isIpHost(a) || isIpHost(b) || !a.includes(".") || !b.includes(".")) return { related: false };
  if (a === `www.${b}` || b === `www.${a}`) {
    return { related: true, difference: { code: "subdomain", kind: "host", near: true, ...parts, detail: `the host is ${requested}, registered ${registered}: with and without www. are different hosts` } };
  }
  if (a.endsWith(`.${b}`)) {
    return { related: true, difference: { code: "preview-host", kind: "host", near: false, ...parts, detail: `${requested} is a preview or branch host under the registered ${registered}; every host needs its own registration, and per-branch hosts cannot be registered ahead of time` } };
  }
  if (siteOf(a) === siteOf(b)) {
    const what = looksLikeBranchHost(a) ? "a branch preview host" : "another host (a staging or preview environment?)";
    return { related: true, difference: { code: "sibling-host", kind: "host", near: false, ...parts, detail: `${requested} is ${what} on the same domain as the registered ${registered}; it needs its own registration` } };
  }
  return { related: false };
}

function comparePorts(requested: UriParts, registered: UriParts, schemeDiffers: boolean): RedirectUriDifference | null {
  const requestedDefault = defaultPorts[requested.scheme.toLowerCase()] ?? "";
  const registeredDefault = defaultPorts[registered.scheme.toLowerCase()] ?? "";
  const requestedPort = requested.port ?? requestedDefault;
  const registeredPort = registered.port ?? registeredDefault;
  const parts = { ...(registered.port !== null ? { registered: registered.port } : {}), ...(requested.port !== null ? { requested: requested.port } : {}) };
  if (requestedPort !== registeredPort) {
    // A scheme change also changes the default port; only ports written out count then.
    if (schemeDiffers && requested.port === null && registered.port === null) return null;
    return { code: "port", kind: "port", near: true, ...parts, detail: `the port is ${requestedPort || "(none)"}, registered ${registeredPort || "(none)"}` };
  }
  if (requested.port !== registered.port) {
    const written = requested.port !== null ? "the request writes the default port" : "the registered URI writes the default port";
    return { code: "port", kind: "port", near: true, ...parts, detail: `${written} :${requestedPort} explicitly and the other leaves it out, so the strings differ` };
  }
  return null;
}

type PathComparison = { differences: RedirectUriDifference[]; caseOnly: boolean };

function comparePaths(requested: string, registered: string): PathComparison {
  const differences: RedirectUriDifference[] = [];
  if (requested === registered) return { differences, caseOnly: false };
  const parts = { registered, requested };
  let a = requested;
  let b = registered;
  if (a.endsWith("/") !== b.endsWith("/")) {
    const added = a.endsWith("/");
    differences.push({ code: "trailing-slash", kind: "trailing_slash", near: true, ...parts, detail: `the request ${added ? "adds" : "drops"} a trailing slash (${requested || "(empty path)"} vs ${registered || "(empty path)"})` });
    a = a.replace(/\/$/, "");
    b = b.replace(/\/$/, "");
  }
  if (a === b) return { differences, caseOnly: false };
  const decodedA = safeDecode(a);
  const decodedB = safeDecode(b);
  if (decodedA === decodedB) {
    differences.push({ code: "encoding", kind: "encoding", near: true, ...parts, detail: `the path is percent-encoded differently (${requested} vs ${registered}); both decode to ${decodedA}, but the IdP compares the strings as sent` });
    return { differences, caseOnly: false };
  }
  if (decodedA.toLowerCase() === decodedB.toLowerCase()) {
    if (a.toLowerCase() !== b.toLowerCase()) {
      differences.push({ code: "encoding", kind: "encoding", near: true, ...parts, detail: `the path is percent-encoded differently (${requested} vs ${registered})` });
    }
    return { differences, caseOnly: true };
  }
  // Anything else is another path: usually a callback renamed on one side only.
  differences.push({ code: "path", kind: "path", near: false, ...parts, detail: `the path is ${requested || "(empty)"}, registered ${registered || "(empty)"}: a different callback, e.g. one renamed in the RP but not in the registration` });
  return { differences, caseOnly: false };
}

function compareQueries(requested: string | null, registered: string | null, policy: RedirectUriPolicy): RedirectUriDifference | null {
  if (requested === registered) return null;
  const parts = { ...(registered !== null ? { registered: `?${registered}` } : {}), ...(requested !== null ? { requested: `?${requested}` } : {}) };
  if (requested !== null && registered !== null && safeDecode(requested) === safeDecode(registered)) {
    return { code: "encoding", kind: "encoding", near: true, ...parts, detail: `the query is percent-encoded differently (?${requested} vs ?${registered})` };
  }
  const rule = policy.registeredQuery === "forbidden" ? "; logi never registers a redirect_uri with a query, so per-request data belongs in state" : "";
  if (registered === null) return { code: "query", kind: "query", near: true, ...parts, detail: `the request adds the query string ?${requested ?? ""}${rule}` };
  if (requested === null) return { code: "query", kind: "query", near: true, ...parts, detail: `the request leaves out the registered query string ?${registered}` };
  return { code: "query", kind: "query", near: true, ...parts, detail: `the query string is ?${requested}, registered ?${registered}` };
}

function compareFragments(requested: string | null, registered: string | null): RedirectUriDifference | null {
  if (requested === registered) return null;
  const parts = { ...(registered !== null ? { registered: `#${registered}` } : {}), ...(requested !== null ? { requested: `#${requested}` } : {}) };
  const detail = requested !== null ? `the request adds the fragment #${requested}; a redirect_uri may never carry a fragment (RFC 6749 §3.1.2)` : `the registered URI carries the fragment #${registered ?? ""}, which the request leaves out`;
  return { code: "fragment", kind: "fragment", near: true, ...parts, detail };
}

/**
 * Every difference between a requested and a registered URI, in URI order; null when they are
 * unrelated (another host or domain, other credentials, or either is not an absolute URI).
 */
export function compareRedirectUri(requested: string, registered: string, policy: RedirectUriPolicy = logiRedirectUriPolicy): RedirectUriDifference[] | null {
  const given = splitUri(requested);
  const known = splitUri(registered);
  if (known === null) return null;
  if (given === null) {
    // An RP that encodes the redirect_uri twice sends "https%3A%2F%2F…", which is no URI at all.
    const decoded = safeDecode(requested);
    if (decoded === requested || splitUri(decoded) === null) return null;
    const rest = decoded === registered ? [] : compareRedirectUri(decoded, registered, policy);
    if (rest === null) return null;
    return [{ code: "encoding", kind: "encoding", near: true, registered, requested, detail: `the redirect_uri is percent-encoded once too often (it decodes to ${decoded})` }, ...rest];
  }
  if (given.userinfo !== known.userinfo) return null;
  if ((given.authority === null) !== (known.authority === null)) return null;

  const differences: RedirectUriDifference[] = [];
  // Letter case is reported once, where it first shows, naming every part it touches.
  const caseParts: string[] = [];
  let caseIndex = -1;
  const noteCase = (part: string) => {
    if (caseIndex < 0) caseIndex = differences.length;
    caseParts.push(part);
  };
  const schemeA = given.scheme.toLowerCase();
  const schemeB = known.scheme.toLowerCase();
  const schemeDiffers = schemeA !== schemeB;
  if (schemeDiffers) {
    const both = webSchemes.has(schemeA) && webSchemes.has(schemeB);
    differences.push(
      both
        ? { code: "scheme", kind: "scheme", near: true, registered: known.scheme, requested: given.scheme, detail: `the request uses ${schemeA}:// where ${schemeB}:// is registered` }
        : { code: "other-scheme", kind: "scheme", near: false, registered: known.scheme, requested: given.scheme, detail: `the request uses ${schemeA}: where ${schemeB}: is registered, a different kind of callback (an app's custom scheme vs a web URL)` },
    );
  } else if (given.scheme !== known.scheme) {
    noteCase("scheme");
  }

  const hosts = relateHosts(given.host, known.host);
  if (!hosts.related) return null;
  if (hosts.difference !== null) differences.push(hosts.difference);
  else if (given.host !== known.host) noteCase("host");

  const port = comparePorts(given, known, schemeDiffers);
  if (port !== null) differences.push(port);

  const path = comparePaths(given.path, known.path);
  differences.push(...path.differences);
  if (path.caseOnly) noteCase("path");

  if (caseParts.length > 0) {
    const where = caseParts.length === 1 ? `the ${caseParts[0] ?? ""}` : `the ${caseParts.slice(0, -1).join(", ")} and ${caseParts.at(-1) ?? ""}`;
    differences.splice(caseIndex, 0, { code: "letter-case", kind: "case", near: true, registered, requested, detail: `letter case differs in ${where} (${requested} vs ${registered})` });
  }

  const query = compareQueries(given.query, known.query, policy);
  if (query !== null) differences.push(query);
  const fragment = compareFragments(given.fragment, known.fragment);
  if (fragment !== null) differences.push(fragment);

  if (differences.length === 0 && requested !== registered) {
    // Same parts, other characters (e.g. an empty "?" or "#"): still not the same string.
    differences.push({ code: "encoding", kind: "encoding", near: true, registered, requested, detail: `the two are written differently (${requested} vs ${registered})` });
  }
  return differences;
}

function fewerDifferences(a: RedirectUriCandidate, b: RedirectUriCandidate): number {
  const far = (candidate: RedirectUriCandidate) => candidate.differences.filter((difference) => !difference.near).length;
  return far(a) - far(b) || a.differences.length - b.differences.length;
}

/** Rules 1–4: the verdict the IdP reaches for one request against a client's registered URIs. */
export function matchRedirectUri(requested: string, registered: readonly string[], policy: RedirectUriPolicy = logiRedirectUriPolicy): RedirectUriMatch {
  if (registered.includes(requested)) return { kind: "exact", registered: requested };
  const candidates: RedirectUriCandidate[] = [];
  for (const uri of registered) {
    const differences = compareRedirectUri(requested, uri, policy);
    if (differences !== null && differences.length > 0) candidates.push({ registered: uri, differences });
  }
  // A stable sort keeps registration order among equally close candidates.
  candidates.sort(fewerDifferences);
  const best = candidates[0];
  if (best !== undefined && best.differences.every((difference) => difference.near)) return { kind: "near-miss", ...best };
  return { kind: "not-registered", closest: best ?? null };
}

/** The IdP's answer to a verdict: a 302 to its error page, a 400 JSON error, or no error at all. */
export type RedirectUriAnswer = { status: 302 | 400 | null; error: string | null; description: string | null };

export function toRedirectUriAnswer(requested: string, match: RedirectUriMatch): RedirectUriAnswer {
  if (match.kind === "exact") return { status: null, error: null, description: null };
  if (match.kind === "near-miss") return { status: 302, error: "redirect_uri_mismatch", description: describeRedirectUriMismatch(requested, match.registered, match.differences) };
  return { status: 400, error: "invalid_request", description: notRegisteredDescription };
}

export function describeRedirectUriMismatch(requested: string, registered: string, differences: readonly RedirectUriDifference[]): string {
  return `redirect_uri does not match the registered ${registered} character for character: ${differences.map((difference) => difference.detail).join("; ")}. Got ${requested}.`;
}

export function isRedirectUriDifferenceCode(value: string): value is RedirectUriDifferenceCode {
  return redirectUriDifferenceCodes.some((code) => code === value);
}

export function toDifferenceKind(code: RedirectUriDifferenceCode): RedirectUriDifferenceKind {
  return kindOf[code];
}

export function isNearDifference(code: RedirectUriDifferenceCode): boolean {
  return nearCodes.has(code);
}

const codeExplanations: Record<RedirectUriDifferenceCode, string> = {
  "trailing-slash": "the paths differ only by a trailing slash",
  scheme: "the schemes differ (http vs https)",
  "other-scheme": "the schemes are of different kinds (an app's custom scheme vs a web URL)",
  subdomain: "the hosts differ by a www. prefix, and each host is registered on its own",
  "preview-host": "the host is a preview or branch host under a registered one",
  "sibling-host": "the host is another host (staging, preview) on a registered domain",
  "wildcard-host": "a registered host contains *, which is compared literally and matches nothing",
  port: "the ports differ, or one side writes the default port explicitly",
  path: "the paths differ",
  "letter-case": "the URIs differ in letter case",
  encoding: "the URIs differ in percent-encoding (e.g. %2F vs /), which the IdP does not decode before comparing",
  query: "the query strings differ (logi never registers a redirect_uri with a query string)",
  fragment: "the request adds a #fragment, which a redirect_uri may never have",
};

/** One sentence per code, for the mock's error page (which only receives the codes). */
export function describeRedirectUriDifferenceCode(code: RedirectUriDifferenceCode): string {
  return codeExplanations[code];
}
