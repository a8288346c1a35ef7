// The redirect_uri checker: would the IdP accept this redirect_uri for this client? Offline it
// compares with a list of registered URIs using the IdP's own rule (redirect-uri-match.ts, which
// the bundled mock IdP runs too); live it asks the IdP, as the CI preflight does. Rules, in the
// order they are reported:
//   offline
//   1. the registered URIs as logi would hold them: no query string, no fragment, no `*`
//   2. the requested URI's scheme: https, or http only on localhost (app schemes are for apps)
//   3. the verdict: exact match (registered), a near miss (302 redirect_uri_mismatch) or no
//      candidate (400 "redirect_uri not registered"), then one finding per difference found
//   live
//   1. discovery answers with an authorization_endpoint
//   2. the preflight: that endpoint is asked, redirects not followed, with response_type=code,
//      scope=openid, state=preflight and a PKCE S256 challenge (the seed's `curl -sI`, sent as
//      GET so a 400 body can be read)
//   3. the answer classified: a redirect to the login screen (or back to the callback), or a
//      200 page, is registered; error=redirect_uri_mismatch or a redirect to the IdP's error page
//      is a near miss; 400 invalid_request "redirect_uri not registered" is not registered;
//      anything else is reported as seen
// The request (runRedirectUriCheck) and the checks (check*, classifyPreflightResponse) are
// separate, so every rule runs on hand-built input in tests.
import { z } from "zod";
import type { DiagnosticDeps, FetchedResponse, FetchFailure } from "./fetcher";
import { finding, isOk, type Finding, type ToolResult } from "./findings";
import { explainedIn } from "./explained-in";
import { maxUrlLength, parseWith, toRecord, userUrlSchema, type ParseResult, parseJsonObject } from "./input";
import { openIdConfigurationUrl } from "./discovery";
import { toRefusal, type DiagnosticRun } from "./run";
import {
  compareRedirectUri,
  isWebScheme,
  logiRedirectUriPolicy,
  matchRedirectUri,
  notRegisteredDescription,
  toRedirectUriAnswer,
  type RedirectUriAnswer,
  type RedirectUriDifference,
  type RedirectUriDifferenceKind,
  type RedirectUriMatch,
} from "./redirect-uri-match";
import { isLoopbackHost } from "./url-rules";

export const maxRegisteredUris = 50;

/**
 * The PKCE pair of RFC 7636 Appendix B. A preflight never redeems a code, so a fixed, public
 * verifier is fine, and it keeps the request reproducible with curl.
 */
export const demoPkce = { verifier: "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk", challenge: "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM" } as const;

export const preflightState = "preflight";

const redirectUriSchema = z.string().trim().min(1, "is empty; paste the redirect_uri the RP sends").max(maxUrlLength, `is longer than ${maxUrlLength} characters`);

const registeredUriSchema = z
  .string()
  .trim()
  .min(1, "is empty")
  .max(maxUrlLength, `is longer than ${maxUrlLength} characters`)
  .refine((value) => URL.canParse(value), "is not an absolute URI (expected e.g. https://app.example.com/auth/callback)");

export const offlineRedirectUriInputSchema = z.strictObject({
  registered: z.preprocess(
    (value) => (typeof value === "string" ? [value] : value),
    z.array(registeredUriSchema).min(1, "is empty; list at least one registered redirect_uri").max(maxRegisteredUris, `lists more than ${maxRegisteredUris} URIs`),
  ),
  redirect_uri: redirectUriSchema,
});

export const liveRedirectUriInputSchema = z.strictObject({
  issuer: userUrlSchema,
  client_id: z.string().trim().min(1, "is empty; give the client_id the RP sends").max(200, "is longer than 200 characters"),
  redirect_uri: redirectUriSchema,
});

export const redirectUriInputSchema = z.union([offlineRedirectUriInputSchema, liveRedirectUriInputSchema], {
  error: "give either registered (the registered redirect_uris) and redirect_uri, to compare offline, or issuer, client_id and redirect_uri, to ask the IdP",
});

export type OfflineRedirectUriInput = z.infer<typeof offlineRedirectUriInputSchema>;
export type LiveRedirectUriInput = z.infer<typeof liveRedirectUriInputSchema>;
export type RedirectUriInput = z.infer<typeof redirectUriInputSchema>;

function hasKey(value: unknown, key: string): boolean {
  return typeof value === "object" && value !== null && Object.hasOwn(value, key);
}

/** Reads either shape; the member a body clearly means is parsed alone, so its errors name fields. */
export function parseRedirectUriInput(source: URLSearchParams | unknown): ParseResult<RedirectUriInput> {
  const record = toRecord(source);
  if (hasKey(record, "registered")) return parseWith<RedirectUriInput>(offlineRedirectUriInputSchema, record, "redirect-uri");
  if (hasKey(record, "issuer") || hasKey(record, "client_id")) return parseWith<RedirectUriInput>(liveRedirectUriInputSchema, record, "redirect-uri");
  return parseWith(redirectUriInputSchema, record, "redirect-uri");
}

export function isLiveRedirectUriInput(input: RedirectUriInput): input is LiveRedirectUriInput {
  return "issuer" in input;
}

export type RedirectUriVerdict = "registered" | "redirect_uri_mismatch" | "not_registered";

/** A difference as the API reports it: DESIGN's kinds, the parts on each side, and what differs. */
export type RedirectUriReportedDifference = { kind: RedirectUriDifferenceKind; registered?: string; requested?: string; detail: string };

type RedirectUriResultBase = ToolResult<"redirect-uri"> & {
  redirect_uri: string;
  /** Null only live, when the IdP's answer says nothing about the redirect_uri. */
  verdict: RedirectUriVerdict | null;
  /** The registered URI the request was compared with (the near miss, or the closest related one). */
  closest?: string;
  differences: RedirectUriReportedDifference[];
  /** What the IdP answers (offline) or answered (live): 302 error page, 400 JSON, or no error. */
  answer: RedirectUriAnswer;
};

export type OfflineRedirectUriResult = RedirectUriResultBase & { mode: "offline" };

export type LiveRedirectUriResult = RedirectUriResultBase & {
  mode: "live";
  issuer: string;
  client_id: string;
  authorization_endpoint: string | null;
  /** The preflight request, ready to paste into curl. */
  request_url: string | null;
  observed: { status: number; location: string | null } | null;
  /** False when discovery or the authorization endpoint could not be reached at all. */
  reachable: boolean;
};

export type RedirectUriResult = OfflineRedirectUriResult | LiveRedirectUriResult;

const specs = {
  redirectUri: "RFC 6749 §3.1.2",
  errorResponse: "RFC 6749 §4.1.2.1",
  pkce: "RFC 7636 §4.3",
} as const;

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function toVerdict(match: RedirectUriMatch): RedirectUriVerdict {
  return match.kind === "exact" ? "registered" : match.kind === "near-miss" ? "redirect_uri_mismatch" : "not_registered";
}

function toReported(difference: RedirectUriDifference): RedirectUriReportedDifference {
  return {
    kind: difference.kind,
    ...(difference.registered !== undefined ? { registered: difference.registered } : {}),
    ...(difference.requested !== undefined ? { requested: difference.requested } : {}),
    detail: difference.detail,
  };
}

/** The catalogue cause that explains one difference. */
export function explainDifference(difference: RedirectUriDifference): string | undefined {
  switch (difference.code) {
    case "trailing-slash":
      return explainedIn.redirectUriTrailingSlash;
    case "scheme":
    case "port":
      return explainedIn.redirectUriSchemeOrPort;
    case "subdomain":
      return explainedIn.redirectUriOtherHost;
    case "letter-case":
      return explainedIn.redirectUriLetterCase;
    case "query":
      return explainedIn.redirectUriQuery;
    case "preview-host":
    case "wildcard-host":
      return explainedIn.redirectUriBranchPreview;
    case "sibling-host":
      return /(^|[.-])git-/.test(difference.requested ?? "") ? explainedIn.redirectUriBranchPreview : explainedIn.redirectUriNewDomain;
    case "other-scheme":
      return explainedIn.redirectUriWebSurface;
    case "path":
      return explainedIn.redirectUriPathRenamed;
    case "encoding":
      return explainedIn.redirectUriEncoding;
    case "fragment":
      return explainedIn.redirectUriFragment;
  }
}

function notRegisteredCause(requested: string, registered: readonly string[], match: RedirectUriMatch): string {
  if (isWebScheme(requested) && registered.length > 0 && registered.every((uri) => !isWebScheme(uri))) return explainedIn.redirectUriWebSurface;
  const far = match.kind === "not-registered" ? match.closest?.differences.find((difference) => !difference.near) : undefined;
  return (far ? explainDifference(far) : undefined) ?? explainedIn.redirectUriNewDomain;
}

// ---- offline 1. the registered list ------------------------------------------------------------

export function checkRegisteredUris(registered: readonly string[]): Finding {
  const problems: string[] = [];
  for (const uri of registered) {
    const url = new URL(uri);
    if (url.search !== "" || uri.includes("?")) problems.push(`${uri} carries a query string, which logi does not accept in a registration`);
    if (url.hash !== "" || uri.includes("#")) problems.push(`${uri} carries a fragment, which no redirect_uri may have`);
    if (url.hostname.includes("*")) problems.push(`${uri} contains *, which is compared as a literal character, not a wildcard`);
  }
  if (problems.length > 0) {
    const wildcard = registered.some((uri) => new URL(uri).hostname.includes("*"));
    return finding("redirect-uri.registered", "warn", `${problems.join("; ")}.`, { entry: wildcard ? explainedIn.redirectUriBranchPreview : explainedIn.redirectUriQuery, spec: specs.redirectUri });
  }
  return finding("redirect-uri.registered", "pass", `${registered.length} registered URI${registered.length === 1 ? "" : "s"}, none with a query string, a fragment or a *.`, { spec: specs.redirectUri });
}

// ---- offline 2. the requested scheme ------------------------------------------------------------

export function checkRequestedScheme(requested: string): Finding {
  if (!URL.canParse(requested)) {
    return finding("redirect-uri.scheme", "fail", `${JSON.stringify(requested.slice(0, 200))} is not an absolute URI${/^[a-z][a-z0-9+.-]*%3A/i.test(requested) ? " (it looks percent-encoded: paste it decoded)" : ""}; the IdP cannot match it with anything.`, { spec: specs.redirectUri });
  }
  const url = new URL(requested);
  if (url.protocol === "https:") return finding("redirect-uri.scheme", "pass", "The redirect_uri uses https.", { spec: specs.redirectUri });
  if (url.protocol === "http:") {
    return isLoopbackHost(url.hostname)
      ? finding("redirect-uri.scheme", "pass", `The redirect_uri uses plain http on ${url.hostname}, which logi accepts for local development only.`, { spec: specs.redirectUri })
      : finding("redirect-uri.scheme", "warn", `The redirect_uri uses plain http on ${url.hostname}; logi expects https (http only on localhost). Behind a TLS-terminating proxy this usually means the RP builds the URI from the proxied request.`, { entry: explainedIn.redirectUriSchemeOrPort, spec: specs.redirectUri });
  }
  return finding("redirect-uri.scheme", "pass", `The redirect_uri uses the custom scheme ${url.protocol}, an app's callback; a web surface needs its own https callback registered.`, { spec: specs.redirectUri });
}

// ---- offline 3. the verdict and its differences ------------------------------------------------

function differenceFindings(differences: readonly RedirectUriDifference[], status: "fail" | "warn"): Finding[] {
  return differences.map((difference) => {
    const entry = explainDifference(difference);
    return finding(`redirect-uri.difference.${difference.kind}`, status, `${capitalise(difference.detail)}.`, { ...(entry ? { entry } : {}), spec: specs.redirectUri });
  });
}

export function checkMatch(requested: string, registered: readonly string[], match: RedirectUriMatch): Finding[] {
  if (match.kind === "exact") {
    const position = registered.indexOf(match.registered) + 1;
    return [finding("redirect-uri.match", "pass", `${requested} matches registered URI #${position} character for character, so the IdP continues to its login screen.`, { spec: specs.redirectUri })];
  }
  if (match.kind === "near-miss") {
    const entry = match.differences.map(explainDifference).find((url) => url !== undefined) ?? explainedIn.redirectUriTrailingSlash;
    const count = match.differences.length;
    return [
      finding(
        "redirect-uri.match",
        "fail",
        `${requested} is a near miss of the registered ${match.registered} (${count} difference${count === 1 ? "" : "s"}). The IdP answers 302 to its own error page with redirect_uri_mismatch and never calls the callback; send the registered value exactly.`,
        { entry, spec: specs.errorResponse },
      ),
      ...differenceFindings(match.differences, "fail"),
    ];
  }
  const closest = match.closest;
  const nearest = closest === null ? "Nothing registered resembles it" : `The closest registered URI, ${closest.registered}, is a different place, not a typo`;
  return [
    finding(
      "redirect-uri.match",
      "fail",
      `${requested} is not registered. ${nearest}, so the IdP answers 400 {"error":"invalid_request","error_description":"${notRegisteredDescription}"} without redirecting. Register this exact URI for the client (keeping the others), or send one that is registered.`,
      { entry: notRegisteredCause(requested, registered, match), spec: specs.errorResponse },
    ),
    ...(closest === null ? [] : differenceFindings(closest.differences, "warn")),
  ];
}

export function checkRedirectUriOffline(input: OfflineRedirectUriInput): OfflineRedirectUriResult {
  const match = matchRedirectUri(input.redirect_uri, input.registered, logiRedirectUriPolicy);
  const checks = [checkRegisteredUris(input.registered), checkRequestedScheme(input.redirect_uri), ...checkMatch(input.redirect_uri, input.registered, match)];
  const candidate = match.kind === "near-miss" ? match : match.kind === "not-registered" ? match.closest : null;
  return {
    tool: "redirect-uri",
    ok: isOk(checks),
    checks,
    mode: "offline",
    redirect_uri: input.redirect_uri,
    verdict: toVerdict(match),
    ...(candidate ? { closest: candidate.registered } : {}),
    differences: candidate ? candidate.differences.map(toReported) : [],
    answer: toRedirectUriAnswer(input.redirect_uri, match),
  };
}

// ---- live 2. the preflight request ------------------------------------------------------------

/** An authorize request as the preflight (and the calculator's demo link) sends it. */
export function buildAuthorizeRequestUrl(authorizationEndpoint: string, params: { client_id: string; redirect_uri: string; state: string; provider?: string | null }): string {
  const url = new URL(authorizationEndpoint);
  url.searchParams.set("client_id", params.client_id);
  url.searchParams.set("redirect_uri", params.redirect_uri);
  url.searchParams.set("response_type", "code");
  url.searchParams.set("scope", "openid");
  url.searchParams.set("state", params.state);
  url.searchParams.set("code_challenge", demoPkce.challenge);
  url.searchParams.set("code_challenge_method", "S256");
  if (params.provider !== undefined && params.provider !== null) url.searchParams.set("provider", params.provider);
  return url.href;
}

// ---- live 3. the answer --------------------------------------------------------------------------

export type PreflightClassification = {
  verdict: RedirectUriVerdict | null;
  answer: RedirectUriAnswer;
  checks: Finding[];
  /** The registered URI the IdP named as the near miss, when its error page says. */
  registered: string | null;
};

const redirectStatuses = new Set([301, 302, 303, 307, 308]);
const noAnswer: RedirectUriAnswer = { status: null, error: null, description: null };

function stringField(record: Record<string, unknown> | null, name: string): string | null {
  const value = record?.[name];
  return typeof value === "string" ? value : null;
}

/** Origin and path of a URL, for "does this redirect go to the callback?". */
function placeOf(value: string): string | null {
  if (!URL.canParse(value)) return null;
  const url = new URL(value);
  return `${url.origin}${url.pathname}`;
}

function describeError(error: string, description: string | null): string {
  return description ? `${error} (${description.slice(0, 300)})` : error;
}

/** Reads the IdP's answer to the preflight; `response` is the first hop, never followed. */
export function classifyPreflightResponse(response: FetchedResponse, redirectUri: string): PreflightClassification {
  const seen = `${response.url.split("?")[0] ?? response.url} answered HTTP ${response.status}`;
  const registeredFinding = (message: string): Finding => finding("redirect-uri.match", "pass", message, { spec: specs.redirectUri });
  const unclassified = (message: string, entry?: string): PreflightClassification => ({ verdict: null, answer: noAnswer, registered: null, checks: [finding("redirect-uri.preflight", "fail", message, { ...(entry ? { entry } : {}), spec: specs.errorResponse })] });

  if (redirectStatuses.has(response.status)) {
    const location = response.headers.get("location");
    if (location === null || !URL.canParse(location, response.url)) return unclassified(`${seen} with ${location === null ? "no Location header" : `an unusable Location ${JSON.stringify(location.slice(0, 200))}`}; expected a redirect to the login screen or to the IdP's error page.`);
    const target = new URL(location, response.url);
    const error = target.searchParams.get("error");
    const description = target.searchParams.get("error_description");
    const toCallback = placeOf(target.href) !== null && placeOf(target.href) === placeOf(redirectUri);
    if (error === "redirect_uri_mismatch") {
      return {
        verdict: "redirect_uri_mismatch",
        answer: { status: 302, error, description },
        registered: target.searchParams.get("registered"),
        checks: [],
      };
    }
    if (toCallback && error !== null) {
      return {
        verdict: "registered",
        answer: noAnswer,
        registered: null,
        checks: [
          registeredFinding(`${seen} and redirects back to ${redirectUri}, so the IdP trusts it: the redirect_uri is registered.`),
          finding("redirect-uri.preflight", "warn", `The IdP sent error=${describeError(error, description)} back to the callback; the redirect_uri is fine, but this request would fail for that reason.`, { spec: specs.errorResponse }),
        ],
      };
    }
    if (toCallback) return { verdict: "registered", answer: noAnswer, registered: null, checks: [registeredFinding(`${seen} and redirects straight back to ${redirectUri}: the redirect_uri is registered.`)] };
    if (error !== null) {
      return unclassified(`${seen} and redirects to ${target.origin}${target.pathname} with error=${describeError(error, description)}: the IdP refused the request for another reason before it judged the redirect_uri (check the client_id).`);
    }
    if (target.origin === new URL(response.url).origin && /\/errors?(\/|$)/.test(target.pathname)) {
      return { verdict: "redirect_uri_mismatch", answer: { status: 302, error: "redirect_uri_mismatch", description: null }, registered: target.searchParams.get("registered"), checks: [] };
    }
    return { verdict: "registered", answer: noAnswer, registered: null, checks: [registeredFinding(`${seen} and redirects to ${target.origin}${target.pathname} (its login screen) without an error: the redirect_uri is registered.`)] };
  }

  const body = parseJsonObject(response.body);
  const error = stringField(body, "error");
  const description = stringField(body, "error_description");
  if (response.status === 200 && error === null) {
    return { verdict: "registered", answer: noAnswer, registered: null, checks: [registeredFinding(`${seen} with a page (a login screen rendered in place, not a redirect): the redirect_uri was accepted.`)] };
  }
  if (error === "invalid_request" && description !== null && /redirect_uri not registered/i.test(description)) {
    return { verdict: "not_registered", answer: { status: 400, error, description }, registered: null, checks: [] };
  }
  if (error === "redirect_uri_mismatch") {
    return { verdict: "redirect_uri_mismatch", answer: { status: response.status === 400 ? 400 : 302, error, description }, registered: null, checks: [] };
  }
  if (error !== null) return unclassified(`${seen} with error ${describeError(error, description)}: the IdP refused the request before it judged the redirect_uri (check the client_id and the issuer).`);
  const entry = response.status === 404 || response.status >= 500 ? explainedIn.endpointUnreachable : undefined;
  return unclassified(`${seen} (body starts ${JSON.stringify(response.body.slice(0, 80))}); expected a 302 (registered, or a near miss sent to the error page) or a 400 JSON error (not registered).`, entry);
}

/** The verdict findings of a live run, with the differences recomputed when the IdP names the registered URI. */
function liveMatchFindings(input: LiveRedirectUriInput, classified: PreflightClassification): { checks: Finding[]; closest?: string; differences: RedirectUriDifference[] } {
  if (classified.verdict === "redirect_uri_mismatch") {
    const differences = classified.registered === null ? null : compareRedirectUri(input.redirect_uri, classified.registered, logiRedirectUriPolicy);
    if (classified.registered !== null && differences !== null && differences.length > 0) {
      return { checks: checkMatch(input.redirect_uri, [classified.registered], { kind: "near-miss", registered: classified.registered, differences }), closest: classified.registered, differences };
    }
    const said = classified.answer.description ? `: ${classified.answer.description.slice(0, 300)}` : "";
    return {
      checks: [finding("redirect-uri.match", "fail", `The IdP answered redirect_uri_mismatch${said}. A registered URI is close to ${input.redirect_uri} but differs in some characters (often a trailing slash, http vs https, www or a port); send the registered value exactly.`, { entry: explainedIn.redirectUriTrailingSlash, spec: specs.errorResponse })],
      differences: [],
    };
  }
  if (classified.verdict === "not_registered") {
    return {
      checks: [finding("redirect-uri.match", "fail", `The IdP answered 400 invalid_request "${notRegisteredDescription}": nothing registered for ${input.client_id} resembles ${input.redirect_uri}. Register it (a new domain, or a renamed callback path, must be added to the client), then run this check again.`, { entry: explainedIn.redirectUriNewDomain, spec: specs.errorResponse })],
      differences: [],
    };
  }
  return { checks: [], differences: [] };
}

// ---- the run -------------------------------------------------------------------------------------

async function runLive(input: LiveRedirectUriInput, deps: DiagnosticDeps): Promise<DiagnosticRun<LiveRedirectUriResult>> {
  const base = { tool: "redirect-uri" as const, mode: "live" as const, issuer: input.issuer, client_id: input.client_id, redirect_uri: input.redirect_uri, differences: [], answer: noAnswer };
  const stopped = (checks: Finding[], reachable: boolean, extra: Partial<LiveRedirectUriResult> = {}): DiagnosticRun<LiveRedirectUriResult> => ({
    ok: true,
    result: { ...base, ok: isOk(checks), checks, verdict: null, authorization_endpoint: null, request_url: null, observed: null, reachable, ...extra },
  });

  const discoveryUrl = openIdConfigurationUrl(input.issuer);
  const discovered = await deps.fetch(discoveryUrl, { headers: { accept: "application/json" } });
  if (!discovered.ok) {
    const refused = toRefusal(discovered.error);
    if (refused) return refused;
    return stopped([finding("redirect-uri.discovery", "fail", `${discoveryUrl} could not be fetched (${discovered.error.message}), so the authorization endpoint is unknown.`, { entry: explainedIn.noMetadataDocument })], false);
  }
  const metadata = discovered.response.status === 200 ? parseJsonObject(discovered.response.body) : null;
  const endpoint = stringField(metadata, "authorization_endpoint");
  if (endpoint === null || !URL.canParse(endpoint)) {
    const why = metadata === null ? `answered HTTP ${discovered.response.status} without a JSON metadata object` : "has no usable authorization_endpoint";
    return stopped([finding("redirect-uri.discovery", "fail", `${discoveryUrl} ${why}, so there is nothing to send the preflight to; run the discovery check.`, { entry: metadata === null ? explainedIn.noMetadataDocument : explainedIn.missingRequiredField })], true);
  }
  const checks: Finding[] = [finding("redirect-uri.discovery", "pass", `The authorization endpoint is ${endpoint}.`)];

  const requestUrl = buildAuthorizeRequestUrl(endpoint, { client_id: input.client_id, redirect_uri: input.redirect_uri, state: preflightState });
  const outcome = await deps.fetch(requestUrl, { headers: { accept: "*/*" }, followRedirects: false });
  if (!outcome.ok) {
    const refused = toRefusal(outcome.error);
    if (refused) return refused;
    checks.push(finding("redirect-uri.preflight", "fail", `The authorize request could not be sent: ${outcome.error.message}.`, { entry: explainedIn.endpointUnreachable }));
    return stopped(checks, false, { authorization_endpoint: endpoint, request_url: requestUrl });
  }
  const response = outcome.response;
  const classified = classifyPreflightResponse(response, input.redirect_uri);
  const verdictFindings = liveMatchFindings(input, classified);
  checks.push(...classified.checks, ...verdictFindings.checks);
  return {
    ok: true,
    result: {
      ...base,
      ok: isOk(checks),
      checks,
      verdict: classified.verdict,
      ...(verdictFindings.closest !== undefined ? { closest: verdictFindings.closest } : {}),
      differences: verdictFindings.differences.map(toReported),
      answer: classified.answer,
      authorization_endpoint: endpoint,
      request_url: requestUrl,
      observed: { status: response.status, location: response.headers.get("location") },
      reachable: true,
    },
  };
}

export async function runRedirectUriCheck(input: RedirectUriInput, deps: DiagnosticDeps): Promise<DiagnosticRun<RedirectUriResult>> {
  if (isLiveRedirectUriInput(input)) return runLive(input, deps);
  return { ok: true, result: checkRedirectUriOffline(input) };
}
