// The discovery check: fetches an issuer's OpenID Connect discovery document (falling back to
// RFC 8414 metadata) and checks it the way RP libraries and the OpenID conformance suite do.
// Rules, in the order they are reported:
//   1. the issuer typed in is an absolute https URL without query or fragment
//   2. the document answers 200, is JSON, and is a JSON object (OIDC Discovery §4)
//   3. `issuer` equals the typed issuer exactly (§4.3); trailing-slash-only differences warn
//   4. required and recommended metadata (§3), with `code` and RS256 where required
//   5. every *_endpoint and jwks_uri absolute https, on the issuer's scheme
//   6. weak options: `none` signing, PKCE `plain` or no PKCE methods advertised
//   7. response time (RP libraries time out after 3.5 s by default)
//   8. every advertised endpoint reachable (not 404, not 5xx)
//   9. every advertised signing algorithm backed by a key the JWKS publishes
// The request (runDiscoveryCheck) and the pure checks (check*) are separate, so every check runs
// on a hand-built response in tests.
import { z } from "zod";
import type { DiagnosticDeps, DiagnosticFetch, FetchedResponse, FetchFailure } from "./fetcher";
import { finding, isOk, type Finding, type ToolResult } from "./findings";
import { explainedIn } from "./explained-in";
import { parseWith, userUrlSchema, type ParseResult } from "./input";
import { checkIdpUrl, sameScheme } from "./url-rules";
import { algorithmsBackedByKeys, parseJwksKeys } from "./jwks-keys";
import { toRefusal, type DiagnosticRun } from "./run";

export const discoveryInputSchema = z.strictObject({ issuer: userUrlSchema });
export type DiscoveryInput = z.infer<typeof discoveryInputSchema>;

export type MetadataSource = "openid-configuration" | "oauth-authorization-server";

export type DiscoveryResult = ToolResult<"discovery"> & {
  issuer: string;
  discovery_url: string;
  /** Which well-known document answered, when one did. */
  source?: MetadataSource;
  metadata?: Record<string, unknown>;
  /** False when the document could not be fetched at all (DNS, connect, TLS, timeout). */
  reachable: boolean;
};


export function parseDiscoveryInput(source: URLSearchParams | unknown): ParseResult<DiscoveryInput> {
  return parseWith(discoveryInputSchema, source, "discovery");
}

const specs = {
  discovery: "OpenID Connect Discovery 1.0 §4",
  issuerMatch: "OpenID Connect Discovery 1.0 §4.3; RFC 8414 §3.3",
  metadata: "OpenID Connect Discovery 1.0 §3",
  issuerFormat: "OpenID Connect Discovery 1.0 §3 (issuer); RFC 8414 §2",
  rfc8414: "RFC 8414 §3",
  pkce: "RFC 7636 §4.2; RFC 8414 §2 (code_challenge_methods_supported); OAuth 2.0 Security BCP (RFC 9700) §2.1.1",
  tls: "OpenID Connect Core 1.0 §16.17; RFC 8414 §2",
  jwks: "OpenID Connect Core 1.0 §10.1; RFC 7517 §5",
} as const;

/** Trailing slashes removed: the only normalisation under which two issuers may be "the same". */
function withoutTrailingSlash(url: string): string {
  return url.replace(/\/+$/, "");
}

export function openIdConfigurationUrl(issuer: string): string {
  return `${withoutTrailingSlash(issuer)}/.well-known/openid-configuration`;
}

/** RFC 8414 §3.1 inserts the well-known segment before the issuer's path; some servers append it instead. */
export function authorizationServerMetadataUrls(issuer: string): string[] {
  const url = new URL(issuer);
  const path = withoutTrailingSlash(url.pathname);
  const inserted = `${url.origin}/.well-known/oauth-authorization-server${path}`;
  const appended = `${withoutTrailingSlash(issuer)}/.well-known/oauth-authorization-server`;
  return inserted === appended ? [inserted] : [inserted, appended];
}

// ---- 1. the issuer as typed -------------------------------------------------------------

export function checkIssuerInput(issuer: string, allowLoopbackHttp: boolean): Finding[] {
  const url = new URL(issuer);
  const scheme = checkIdpUrl(issuer, allowLoopbackHttp);
  const problems: string[] = [];
  if (!scheme.ok) problems.push(scheme.problem);
  if (url.search !== "" || issuer.includes("?")) problems.push("it has a query string");
  if (url.hash !== "" || issuer.includes("#")) problems.push("it has a fragment");
  if (problems.length > 0) {
    return [finding("issuer.format", "fail", `The issuer must be an https URL with no query or fragment; ${problems.join("; ")}.`, { entry: explainedIn.httpEndpoints, spec: specs.issuerFormat })];
  }
  return [finding("issuer.format", "pass", `The issuer ${issuer} is an ${url.protocol === "https:" ? "https" : "http"} URL with no query or fragment${scheme.ok && scheme.note ? ` (${scheme.note})` : ""}.`, { spec: specs.issuerFormat })];
}

// ---- 2. status, type and body ------------------------------------------------------------

function describeFailure(failure: FetchFailure): string {
  return `${failure.url} could not be fetched: ${failure.message}`;
}

export type ParsedDocument = { ok: true; metadata: Record<string, unknown> } | { ok: false };

export function checkDocumentResponse(response: FetchedResponse, source: MetadataSource): { checks: Finding[]; document: ParsedDocument } {
  const checks: Finding[] = [];
  const spec = source === "openid-configuration" ? specs.discovery : specs.rfc8414;
  if (response.status !== 200) {
    checks.push(finding("discovery.status", "fail", `${response.url} answered HTTP ${response.status}; a metadata document must answer 200.`, { entry: response.status === 404 ? explainedIn.noMetadataDocument : explainedIn.endpointUnreachable, spec }));
    return { checks, document: { ok: false } };
  }
  checks.push(finding("discovery.status", "pass", `${response.url} answered HTTP 200${response.redirects.length > 0 ? ` after ${response.redirects.length} redirect(s)` : ""}.`, { spec }));

  const type = response.headers.get("content-type") ?? "";
  const isJsonType = /^application\/([a-z0-9.+-]*\+)?json\s*(;|$)/i.test(type);
  let body: unknown;
  try {
    body = JSON.parse(response.body);
  } catch {
    checks.push(finding("discovery.json", "fail", `The body is not JSON (Content-Type ${type || "missing"}; it starts with ${JSON.stringify(response.body.slice(0, 60))}); expected the metadata as a JSON object.`, { entry: explainedIn.noMetadataDocument, spec }));
    return { checks, document: { ok: false } };
  }
  checks.push(
    isJsonType
      ? finding("discovery.content-type", "pass", `Content-Type is ${type}.`, { spec })
      : finding("discovery.content-type", "warn", `Content-Type is ${type || "missing"}; expected application/json. Strict libraries (oauth4webapi, openid-client@6) reject the document for this alone.`, { entry: explainedIn.noMetadataDocument, spec }),
  );
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    checks.push(finding("discovery.json", "fail", `The body is JSON but not an object (${Array.isArray(body) ? "an array" : typeof body}); expected the metadata as a JSON object.`, { entry: explainedIn.noMetadataDocument, spec }));
    return { checks, document: { ok: false } };
  }
  return { checks, document: { ok: true, metadata: Object.fromEntries(Object.entries(body)) } };
}

// ---- 3. issuer equality ------------------------------------------------------------------

export function checkIssuerMatch(expected: string, metadata: Record<string, unknown>, allowLoopbackHttp: boolean): Finding[] {
  const declared = metadata.issuer;
  if (typeof declared !== "string" || declared === "") {
    return [finding("discovery.issuer", "fail", `The document has no issuer (saw ${JSON.stringify(declared) ?? "nothing"}); expected "${expected}".`, { entry: explainedIn.missingRequiredField, spec: specs.issuerMatch })];
  }
  const checks: Finding[] = [];
  if (declared === expected) {
    checks.push(finding("discovery.issuer", "pass", `issuer is "${declared}", exactly the URL the document was fetched under.`, { spec: specs.issuerMatch }));
  } else if (withoutTrailingSlash(declared) === withoutTrailingSlash(expected)) {
    checks.push(
      finding(
        "discovery.issuer",
        "warn",
        `issuer is "${declared}" but the URL you gave is "${expected}": they differ only by a trailing slash. Libraries that compare the strings exactly (openid-client, oauth4webapi, jose's issuer option, Microsoft.IdentityModel's ValidIssuer, Spring Security) reject the document or every id_token; configure the RP with exactly "${declared}".`,
        { entry: explainedIn.issuerTrailingSlash, spec: specs.issuerMatch },
      ),
    );
  } else {
    checks.push(
      finding("discovery.issuer", "fail", `issuer is "${declared}" but the document was fetched under "${expected}"; they must be identical, so RP libraries reject this document (or the id_tokens whose iss is "${declared}").`, {
        entry: explainedIn.issuerDeclaredElsewhere,
        spec: specs.issuerMatch,
      }),
    );
  }
  const format = checkIdpUrl(declared, allowLoopbackHttp);
  const declaredUrl = URL.canParse(declared) ? new URL(declared) : null;
  if (!format.ok || declaredUrl === null || declaredUrl.search !== "" || declaredUrl.hash !== "") {
    checks.push(finding("discovery.issuer-format", "fail", `The declared issuer must be an https URL with no query or fragment; ${format.ok ? "it has a query or fragment" : format.problem}.`, { entry: explainedIn.httpEndpoints, spec: specs.issuerFormat }));
  }
  return checks;
}

// ---- 4. required and recommended metadata -------------------------------------------------

function stringList(value: unknown): string[] | null {
  return Array.isArray(value) && value.every((item) => typeof item === "string") ? value : null;
}

type FieldRule = { field: string; kind: "url" | "list"; mustInclude?: string; required: boolean };

const fieldRules: readonly FieldRule[] = [
  { field: "authorization_endpoint", kind: "url", required: true },
  { field: "token_endpoint", kind: "url", required: true },
  { field: "jwks_uri", kind: "url", required: true },
  { field: "response_types_supported", kind: "list", mustInclude: "code", required: true },
  { field: "subject_types_supported", kind: "list", required: true },
  { field: "id_token_signing_alg_values_supported", kind: "list", mustInclude: "RS256", required: true },
  { field: "userinfo_endpoint", kind: "url", required: false },
  { field: "scopes_supported", kind: "list", mustInclude: "openid", required: false },
  { field: "claims_supported", kind: "list", required: false },
];

export function checkMetadataFields(metadata: Record<string, unknown>, source: MetadataSource): Finding[] {
  return fieldRules.map((rule) => {
    const value = metadata[rule.field];
    const status = rule.required ? "fail" : "warn";
    const id = `discovery.${rule.required ? "required" : "recommended"}.${rule.field}`;
    const entry = rule.field === "jwks_uri" ? explainedIn.missingJwksUri : explainedIn.missingRequiredField;
    const requiredHere = rule.required && !(source === "oauth-authorization-server" && rule.field === "subject_types_supported");
    const label = requiredHere ? "required" : "recommended";
    if (value === undefined) {
      const why = rule.field === "jwks_uri" ? " without it no RP can find the keys that sign id_tokens." : "";
      return finding(id, requiredHere ? status : "warn", `${rule.field} is missing; it is ${label}.${why}`, { entry, spec: specs.metadata });
    }
    if (rule.kind === "url" && typeof value !== "string") {
      return finding(id, requiredHere ? status : "warn", `${rule.field} is ${JSON.stringify(value).slice(0, 80)}; expected a URL string.`, { entry, spec: specs.metadata });
    }
    if (rule.kind === "list") {
      const list = stringList(value);
      if (list === null) return finding(id, requiredHere ? status : "warn", `${rule.field} is ${JSON.stringify(value).slice(0, 80)}; expected a JSON array of strings.`, { entry, spec: specs.metadata });
      if (rule.mustInclude && !list.includes(rule.mustInclude)) {
        return finding(id, requiredHere ? status : "warn", `${rule.field} is [${list.join(", ")}] and does not include ${rule.mustInclude}; ${requiredHere ? "it must" : "it should"}.`, { entry, spec: specs.metadata });
      }
      return finding(id, "pass", `${rule.field}: [${list.join(", ")}].`, { spec: specs.metadata });
    }
    return finding(id, "pass", `${rule.field}: ${String(value)}.`, { spec: specs.metadata });
  });
}

// ---- 5. endpoint URLs --------------------------------------------------------------------

/** Every advertised URL an RP may call: each `*_endpoint`, `jwks_uri` and `check_session_iframe`. */
export function advertisedUrls(metadata: Record<string, unknown>): Array<{ field: string; url: unknown }> {
  return Object.entries(metadata)
    .filter(([field]) => field.endsWith("_endpoint") || field === "jwks_uri" || field === "check_session_iframe")
    .map(([field, url]) => ({ field, url }));
}

/** Advertised URLs an RP cannot use: not https (outside the loopback allowance), or on another scheme than the issuer. */
export function unusableEndpointUrls(issuer: string, metadata: Record<string, unknown>, allowLoopbackHttp: boolean): Array<{ field: string; problem: string }> {
  const unusable: Array<{ field: string; problem: string }> = [];
  for (const { field, url } of advertisedUrls(metadata)) {
    const verdict = checkIdpUrl(url, allowLoopbackHttp);
    if (!verdict.ok) unusable.push({ field, problem: verdict.problem });
    else if (typeof url === "string" && !sameScheme(url, issuer)) unusable.push({ field, problem: `${url} is ${new URL(url).protocol.slice(0, -1)} under the ${new URL(issuer).protocol.slice(0, -1)} issuer` });
  }
  return unusable;
}

export function checkEndpointUrls(issuer: string, metadata: Record<string, unknown>, allowLoopbackHttp: boolean): Finding[] {
  const total = advertisedUrls(metadata).length;
  if (total === 0) return [];
  const unusable = unusableEndpointUrls(issuer, metadata, allowLoopbackHttp);
  if (unusable.length > 0) {
    return [
      finding("discovery.endpoints-https", "fail", `${unusable.length} of ${total} advertised URLs are not https URLs on the issuer's scheme (${unusable.map(({ field }) => field).join(", ")}); e.g. ${unusable[0]?.problem}. Strict libraries refuse the document; others send codes and tokens where nothing (or an attacker) listens.`, {
        entry: explainedIn.httpEndpoints,
        spec: specs.tls,
      }),
    ];
  }
  return [finding("discovery.endpoints-https", "pass", `All ${total} advertised URLs are absolute and on the issuer's scheme.`, { spec: specs.tls })];
}

// ---- 6. weak options ---------------------------------------------------------------------

export function checkWeakOptions(metadata: Record<string, unknown>): Finding[] {
  const checks: Finding[] = [];
  const algs = stringList(metadata.id_token_signing_alg_values_supported) ?? [];
  checks.push(
    algs.includes("none")
      ? finding("discovery.alg-none", "warn", `id_token_signing_alg_values_supported lists "none": unsigned id_tokens are acceptable only from the token endpoint, and an RP that accepts them anywhere else accepts forged logins. Expected only real signing algorithms.`, { entry: explainedIn.weakOptions, spec: "OpenID Connect Core 1.0 §3.1.3.7" })
      : finding("discovery.alg-none", "pass", `Unsigned id_tokens ("none") are not offered.`, { spec: "OpenID Connect Core 1.0 §3.1.3.7" }),
  );
  const methods = stringList(metadata.code_challenge_methods_supported);
  if (methods === null) {
    checks.push(finding("discovery.pkce", "warn", `code_challenge_methods_supported is missing, so RPs cannot tell whether PKCE is supported (oauth4webapi and openid-client@6 use PKCE whenever it is advertised). Expected ["S256"].`, { entry: explainedIn.weakOptions, spec: specs.pkce }));
  } else if (!methods.includes("S256")) {
    checks.push(finding("discovery.pkce", "fail", `code_challenge_methods_supported is [${methods.join(", ")}] without S256; "plain" sends the verifier's own value and protects nothing against an intercepted code. Expected ["S256"].`, { entry: explainedIn.weakOptions, spec: specs.pkce }));
  } else if (methods.includes("plain")) {
    checks.push(finding("discovery.pkce", "warn", `code_challenge_methods_supported offers "plain" next to S256; plain PKCE gives no protection if the challenge leaks. Expected ["S256"].`, { entry: explainedIn.weakOptions, spec: specs.pkce }));
  } else {
    checks.push(finding("discovery.pkce", "pass", `PKCE: [${methods.join(", ")}].`, { spec: specs.pkce }));
  }
  return checks;
}

// ---- 7. response time --------------------------------------------------------------------

/** openid-client@5 (and next-auth@4 on top of it) gives up after 3.5 s. */
export const slowDiscoveryMs = 3000;

export function checkResponseTime(response: FetchedResponse): Finding {
  const seconds = (response.elapsedMs / 1000).toFixed(1);
  return response.elapsedMs > slowDiscoveryMs
    ? finding("discovery.response-time", "warn", `The document took ${seconds} s; openid-client@5 and next-auth@4 give up after 3.5 s by default. Expected well under ${slowDiscoveryMs / 1000} s; RPs should cache it instead of fetching it per request.`, { entry: explainedIn.slowDiscovery, spec: specs.discovery })
    : finding("discovery.response-time", "pass", `The document answered in ${seconds} s.`, { spec: specs.discovery });
}

// ---- 8. reachability ---------------------------------------------------------------------

/** Endpoints that accept only POST; a GET there proves nothing (some servers answer 404). */
const postEndpoints = new Set([
  "token_endpoint",
  "revocation_endpoint",
  "introspection_endpoint",
  "device_authorization_endpoint",
  "pushed_authorization_request_endpoint",
  "backchannel_authentication_endpoint",
  "registration_endpoint",
]);

/** At most this many endpoints are probed per run. */
export const maxProbedEndpoints = 12;

export function checkEndpointAnswer(field: string, url: string, outcome: Awaited<ReturnType<DiagnosticFetch>>): Finding {
  const id = `discovery.reachable.${field}`;
  const entry = field === "jwks_uri" ? explainedIn.jwksServerError : explainedIn.endpointUnreachable;
  if (!outcome.ok) {
    const blocked = outcome.error.code.startsWith("blocked_") || outcome.error.code === "invalid_url";
    return finding(id, blocked ? "skip" : "fail", blocked ? `${field} (${url}) was not probed: ${outcome.error.message}` : `${field}: ${describeFailure(outcome.error)}.`, blocked ? {} : { entry: field === "jwks_uri" ? explainedIn.jwksTimeout : entry, spec: specs.discovery });
  }
  const { status } = outcome.response;
  if (status === 404 || status >= 500) {
    return finding(id, "fail", `${field} (${url}) answered HTTP ${status}; an advertised endpoint must exist and work (any answer but 404 or 5xx to a bare request).`, { entry, spec: specs.discovery });
  }
  return finding(id, "pass", `${field} answered HTTP ${status} to a bare ${postEndpoints.has(field) ? "POST" : "GET"}.`, { spec: specs.discovery });
}

async function probeEndpoints(metadata: Record<string, unknown>, unusable: ReadonlySet<string>, fetch: DiagnosticFetch): Promise<Finding[]> {
  const targets = advertisedUrls(metadata)
    .filter((target): target is { field: string; url: string } => typeof target.url === "string" && URL.canParse(target.url) && /^https?:$/.test(new URL(target.url).protocol))
    .slice(0, maxProbedEndpoints);
  return Promise.all(
    targets.map(async ({ field, url }) => {
      if (unusable.has(field)) return finding(`discovery.reachable.${field}`, "skip", `${field} was not probed: its URL is already reported as unusable.`);
      const outcome = postEndpoints.has(field)
        ? await fetch(url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" }, body: "" })
        : await fetch(url, { method: "GET", headers: { accept: field === "jwks_uri" ? "application/jwk-set+json, application/json" : "*/*" } });
      return checkEndpointAnswer(field, url, outcome);
    }),
  );
}

// ---- 9. algorithms backed by keys ---------------------------------------------------------

export function checkAlgorithmsBacked(metadata: Record<string, unknown>, jwksBody: string): Finding {
  const algs = (stringList(metadata.id_token_signing_alg_values_supported) ?? []).filter((alg) => alg !== "none" && !alg.startsWith("HS"));
  const parsed = parseJwksKeys(jwksBody);
  if (!parsed.ok) return finding("discovery.algorithms-backed", "skip", `Advertised algorithms were not compared with the keys: the JWKS is unreadable (${parsed.problem}).`);
  const unbacked = algorithmsBackedByKeys(algs, parsed.keys).filter((entry) => !entry.backed).map((entry) => entry.alg);
  if (unbacked.length > 0) {
    return finding("discovery.algorithms-backed", "fail", `id_token_signing_alg_values_supported advertises ${unbacked.join(", ")} but the JWKS publishes no key for ${unbacked.length === 1 ? "it" : "them"} (keys: ${parsed.keys.map((key) => `${String(key.kty)}${typeof key.crv === "string" ? ` ${key.crv}` : ""}${typeof key.alg === "string" ? ` ${key.alg}` : ""}`).join(", ") || "none"}). An RP that picks such an algorithm can never verify a token.`, { entry: explainedIn.algorithmWithoutKey, spec: specs.jwks });
  }
  return finding("discovery.algorithms-backed", "pass", `Every advertised signing algorithm (${algs.join(", ") || "none"}) has a key of its type in the JWKS.`, { spec: specs.jwks });
}

// ---- the run -------------------------------------------------------------------------------

type Fetched = { source: MetadataSource; response: FetchedResponse } | { source: null; failure: FetchFailure; tried: string[] } | { source: null; response: FetchedResponse; tried: string[] };

async function fetchMetadata(issuer: string, fetch: DiagnosticFetch): Promise<Fetched | { refused: DiagnosticRun<never> }> {
  const accept = { accept: "application/json" };
  const oidcUrl = openIdConfigurationUrl(issuer);
  const oidc = await fetch(oidcUrl, { headers: accept });
  if (!oidc.ok) {
    const refusal = toRefusal(oidc.error);
    return refusal ? { refused: refusal } : { source: null, failure: oidc.error, tried: [oidcUrl] };
  }
  if (oidc.response.status !== 404) return { source: "openid-configuration", response: oidc.response };
  const tried = [oidcUrl];
  for (const url of authorizationServerMetadataUrls(issuer)) {
    tried.push(url);
    const fallback = await fetch(url, { headers: accept });
    if (fallback.ok && fallback.response.status === 200) return { source: "oauth-authorization-server", response: fallback.response };
  }
  return { source: null, response: oidc.response, tried };
}

export async function runDiscoveryCheck(input: DiscoveryInput, deps: DiagnosticDeps): Promise<DiagnosticRun<DiscoveryResult>> {
  const issuer = input.issuer;
  const allowLoopbackHttp = deps.allowPrivateNetwork === true;
  const discoveryUrl = openIdConfigurationUrl(issuer);
  const checks = checkIssuerInput(issuer, allowLoopbackHttp);
  const fetched = await fetchMetadata(issuer, deps.fetch);
  if ("refused" in fetched) return fetched.refused;

  const base = { tool: "discovery" as const, issuer, discovery_url: discoveryUrl };
  if (fetched.source === null) {
    if ("failure" in fetched) {
      const timedOut = fetched.failure.code === "timeout";
      checks.push(finding("discovery.fetch", "fail", `${describeFailure(fetched.failure)}.`, { entry: timedOut ? explainedIn.slowDiscovery : explainedIn.noMetadataDocument, spec: specs.discovery }));
      return { ok: true, result: { ...base, ok: false, checks, reachable: false } };
    }
    checks.push(finding("discovery.status", "fail", `No metadata document: ${fetched.tried.join(" and ")} answered 404 (or not 200). Expected the OpenID Connect discovery document at ${discoveryUrl}.`, { entry: explainedIn.noMetadataDocument, spec: specs.discovery }));
    return { ok: true, result: { ...base, ok: false, checks, reachable: true } };
  }

  const { response, source } = fetched;
  if (source === "oauth-authorization-server") {
    checks.push(finding("discovery.source", "warn", `${discoveryUrl} answered 404; RFC 8414 metadata was found at ${response.url} instead. OIDC RP libraries look only at /.well-known/openid-configuration unless told otherwise.`, { entry: explainedIn.noMetadataDocument, spec: specs.rfc8414 }));
  }
  const { checks: documentChecks, document } = checkDocumentResponse(response, source);
  checks.push(...documentChecks);
  if (!document.ok) return { ok: true, result: { ...base, source, ok: isOk(checks), checks, reachable: true } };

  const { metadata } = document;
  checks.push(...checkIssuerMatch(issuer, metadata, allowLoopbackHttp));
  checks.push(...checkMetadataFields(metadata, source));
  checks.push(...checkEndpointUrls(issuer, metadata, allowLoopbackHttp));
  checks.push(...checkWeakOptions(metadata));
  checks.push(checkResponseTime(response));

  const unusable = new Set(unusableEndpointUrls(issuer, metadata, allowLoopbackHttp).map(({ field }) => field));
  const probes = await probeEndpoints(metadata, unusable, deps.fetch);
  checks.push(...probes);

  const jwksUri = typeof metadata.jwks_uri === "string" ? metadata.jwks_uri : null;
  if (jwksUri !== null && URL.canParse(jwksUri) && !unusable.has("jwks_uri")) {
    const jwks = await deps.fetch(jwksUri, { headers: { accept: "application/jwk-set+json, application/json" } });
    checks.push(
      jwks.ok && jwks.response.status === 200
        ? checkAlgorithmsBacked(metadata, jwks.response.body)
        : finding("discovery.algorithms-backed", "skip", `Advertised algorithms were not compared with the keys: the JWKS could not be read (${jwks.ok ? `HTTP ${jwks.response.status}` : jwks.error.message}).`),
    );
  }
  return { ok: true, result: { ...base, source, metadata, ok: isOk(checks), checks, reachable: true } };
}
