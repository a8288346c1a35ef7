import { describe, expect, it } from "vitest";
import { buildSearchIndex, highlight, isSearchIndex, searchIndex, splitHighlights } from "@/lib/search/index";
import { searchOptions } from "@/lib/search/options";
import type { SearchDoc } from "@/lib/search/documents";
import { getEngine } from "@/lib/search/engine";
import { toTerms } from "@/lib/search/normalize";
import { parseInput } from "@/lib/search/parse-input";
import { planQuery } from "@/lib/search/plan";
import { fixtureDocs } from "./fixtures";

const index = buildSearchIndex(fixtureDocs);

/** A minimal entry for the describe blocks that build their own small catalogue. */
function entry(slug: string, title: string, extra: Partial<SearchDoc> = {}): SearchDoc {
  return { kind: "entry", area: "oauth-flow", summary: "", url: `/troubleshooting/${slug}`, codes: [], http: [], messages: [], specificTo: [], tags: [], symptom: "", causes: [], fix: "", rank: 5, slug, title, ...extra };
}

function slugs(query: string, limit = 10): string[] {
  return searchIndex(index, query, { limit }).results.map((result) => result.slug);
}

describe("ranking: exact beats fuzzy", () => {
  it("puts the entry whose codes name the code first, above entries that only mention it", () => {
    const { results } = searchIndex(index, "invalid_client");
    expect(results[0]).toMatchObject({ slug: "invalid-client", match: "exact", url: "/troubleshooting/invalid-client" });
    expect(results[0]?.matches.codes).toEqual(["invalid_client"]);
    const mention = results.find((result) => result.slug === "client-secret-shown-once");
    expect(mention?.match).toBe("words");
  });

  it("keeps an exact code match above a document with more matching words", () => {
    expect(slugs('{"error":"invalid_client","error_description":"invalid client secret copy console"}')[0]).toBe("invalid-client");
  });

  it("matches a library message carrying the user's own values against its template", () => {
    const { results } = searchIndex(index, "RPError: unexpected iss value, expected https://login.mine.io, got: https://login.mine.io/");
    expect(results[0]).toMatchObject({ slug: "iss-mismatch", match: "exact" });
  });

  it("matches a pasted fragment of a message", () => {
    expect(searchIndex(index, "unexpected iss value").results[0]).toMatchObject({ slug: "iss-mismatch", match: "exact" });
  });

  it("tells apart messages that differ only in the claim named", () => {
    expect(slugs('JWTClaimValidationFailed: unexpected JWT "aud" (audience) claim value')[0]).toBe("aud-mismatch");
    expect(slugs('JWTClaimValidationFailed: unexpected JWT "iss" (issuer) claim value')[0]).toBe("iss-mismatch");
  });

  it("uses the description to choose among entries sharing a code", () => {
    expect(slugs('{"error":"invalid_request","error_description":"redirect_uri not registered"}')[0]).toBe("redirect-uri-not-registered");
    expect(slugs('{"error":"invalid_request","error_description":"code_verifier required"}')[0]).toBe("pkce-missing");
  });

  it("finds AADSTS codes and whole Entra messages with other URIs and ids", () => {
    expect(slugs("AADSTS50011")[0]).toBe("entra-aadsts50011");
    expect(
      searchIndex(
        index,
        "AADSTS50011: The redirect URI 'http://localhost:5173/signin-oidc' specified in the request does not match the redirect URIs configured for the application '0a1b2c3d-0000-1111-2222-333344445555'.",
      ).results[0],
    ).toMatchObject({ slug: "entra-aadsts50011", match: "exact" });
  });

  it("reads the WWW-Authenticate header and the status line", () => {
    expect(slugs('HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer error="invalid_token", error_description="The access token expired"')[0]).toBe(
      "expired-token-resource",
    );
  });

  it("treats a code with a typo as fuzzy, not exact", () => {
    const { results } = searchIndex(index, "invalid_cleint");
    expect(results[0]?.slug).toBe("invalid-client");
    expect(results[0]?.match).not.toBe("exact");
  });
});

describe("ranking: words", () => {
  it("tolerates typos", () => {
    expect(slugs("redirct uri mismach")[0]).toBe("redirect-uri-mismatch");
    expect(slugs("clokc skew")[0]).toBe("clock-skew");
  });

  it("matches the word being typed as a prefix", () => {
    expect(slugs("redirect_uri mism")[0]).toBe("redirect-uri-mismatch");
  });

  it("ranks the entry whose symptom it is above one that mentions the words in its fix", () => {
    const found = slugs("popup blocked");
    expect(found[0]).toBe("popup-blocked");
    expect(found.indexOf("login-window-too-small")).not.toBe(0);
  });

  it("finds entries by HTTP status alone", () => {
    expect(slugs("401").sort()).toEqual(["expired-token-resource", "invalid-client"]);
  });

  it("answers nothing rather than noise when most of the query is unknown to the catalogue", () => {
    expect(searchIndex(index, '{"error":"flux_capacitor_overheated","error_description":"Jigowatts zorblax"}').results).toEqual([]);
    expect(searchIndex(index, "xyzzy token").results).toEqual([]);
  });

  it("finds a reference code that has no entry, linking to the code page", () => {
    expect(searchIndex(index, "slow_down").results[0]).toMatchObject({ kind: "code", slug: "slow_down", url: "/codes/slow_down" });
  });
});

describe("causes", () => {
  it("links to the cause that explains the query", () => {
    const { results } = searchIndex(index, "render build command secret empty");
    expect(results[0]).toMatchObject({
      slug: "invalid-client",
      causeId: "secret-not-in-runtime-env",
      url: "/troubleshooting/invalid-client#invalid-client--secret-not-in-runtime-env",
    });
    expect(results[0]?.matches.cause?.id).toBe("secret-not-in-runtime-env");
  });

  it("links to the entry when the query only names the symptom", () => {
    const { results } = searchIndex(index, "invalid_client");
    expect(results[0]?.causeId).toBeUndefined();
    expect(results[0]?.url).toBe("/troubleshooting/invalid-client");
  });
});

describe("highlighting", () => {
  it("returns ranges of the matched words in the title", () => {
    const result = searchIndex(index, "invalid_client").results[0];
    expect(result).toBeDefined();
    const parts = splitHighlights(result?.title ?? "", result?.matches.title ?? []);
    expect(parts.filter((part) => part.match).map((part) => part.text)).toEqual(["invalid_client"]);
  });

  it("merges a compound and its parts into one range", () => {
    expect(highlight("401 invalid_client here", new Set(["invalid_client", "invalid", "client"]))).toEqual([[4, 18]]);
  });
});

describe("robustness", () => {
  it("returns plain data for an XSS-shaped query", () => {
    const query = "<img src=x onerror=alert(1)>";
    const response = searchIndex(index, query);
    expect(response.query).toBe(query);
    expect(response.parsed.codes).toEqual([]);
    for (const result of response.results) {
      expect(typeof result.title).toBe("string");
      expect(result.title).not.toContain("<img");
      expect(result.url).toMatch(/^\/(troubleshooting|codes)\//);
    }
    // Highlighting returns ranges, never markup: the text stays as given.
    expect(splitHighlights(query, [[0, 4]]).map((part) => part.text).join("")).toBe(query);
  });

  it("answers empty, huge and odd queries without throwing", () => {
    expect(searchIndex(index, "").results).toEqual([]);
    expect(searchIndex(index, "   \n ").results).toEqual([]);
    const huge = `${"log line with token and client words ".repeat(240)}{"error":"invalid_client"}`;
    expect(huge.length).toBeLessThan(10_000);
    expect(searchIndex(index, huge).results[0]?.slug).toBe("invalid-client");
    for (const odd of ["\u0000", "🙂🙂", "_", "__proto__", "constructor", "((((", "%E0%A4%A", "a".repeat(20_000)]) {
      expect(() => searchIndex(index, odd)).not.toThrow();
    }
  });

  it("respects the limit", () => {
    expect(searchIndex(index, "token", { limit: 2 }).results.length).toBeLessThanOrEqual(2);
    expect(searchIndex(index, "401", { limit: 0 }).results.length).toBe(1);
  });

  it("is plain JSON: a serialised and parsed index answers the same", () => {
    const copy: unknown = JSON.parse(JSON.stringify(index));
    expect(isSearchIndex(copy)).toBe(true);
    if (!isSearchIndex(copy)) return;
    for (const query of ["invalid_client", "redirct uri mismach", "unexpected iss value", "401"]) {
      expect(searchIndex(copy, query)).toEqual(searchIndex(index, query));
    }
    expect(copy.options).toEqual(searchOptions);
  });

  it("rejects JSON that is not an index", () => {
    expect(isSearchIndex(null)).toBe(false);
    expect(isSearchIndex({ version: 99, docs: [], terms: [], postings: [] })).toBe(false);
    expect(isSearchIndex({ ...index, docs: { ...index.docs, title: [] } })).toBe(false);
    expect(isSearchIndex({ ...index, version: 3 })).toBe(false);
  });
});

describe("ranking: product and vendor entries need the product named", () => {
  const base = { kind: "entry" as const, area: "other-idps", summary: "", codes: [], http: [], tags: [], symptom: "", causes: [], fix: "", rank: 1 };
  const docs = [
    { ...base, slug: "general-cors", title: "CORS error on the token request", url: "/troubleshooting/general-cors", messages: ["blocked by CORS policy"], specificTo: [], rank: 5 },
    { ...base, slug: "acme-cors", title: "Acme console: CORS error", url: "/troubleshooting/acme-cors", messages: ["blocked by CORS policy"], specificTo: ["acme", "acme_401"], codes: ["ACME_401"] },
  ];
  const specificIndex = buildSearchIndex(docs);
  const first = (query: string) => searchIndex(specificIndex, query).results[0]?.slug;

  it("gives a message both quote to the general entry unless the input names the product", () => {
    expect(first("Access to fetch has been blocked by CORS policy")).toBe("general-cors");
    expect(first("Acme: access to fetch has been blocked by CORS policy")).toBe("acme-cors");
    expect(first("https://console.acme.example/ blocked by CORS policy")).toBe("acme-cors");
  });

  it("counts one of the vendor's codes (listed with its words) as naming it", () => {
    expect(first("ACME_401 blocked by CORS policy")).toBe("acme-cors");
  });

  it("does not take a word that merely contains the name", () => {
    expect(first("acmeish proxy: blocked by CORS policy")).toBe("general-cors");
    // A name followed by digits is still the name (`AADSTS700215` names Entra, typo and all).
    expect(first("acme42: blocked by CORS policy")).toBe("acme-cors");
  });

  it("counts a message printed by the product itself as naming it", () => {
    const quoted = (library: string) => [
      { ...base, slug: "general-client", title: "Invalid client credentials at the token endpoint", url: "/troubleshooting/general-client", messages: ["Client authentication failed"], specificTo: [], codes: ["invalid_client"], rank: 5 },
      { ...base, slug: "acme-client", title: "Acme: client rejected", url: "/troubleshooting/acme-client", messages: ["Invalid client or invalid client credentials"], libraries: [library], specificTo: ["acme", "acme-idp"], codes: ["invalid_client"] },
    ];
    const top = (library: string) => searchIndex(buildSearchIndex(quoted(library)), '{"error":"invalid_client","error_description":"Invalid client or invalid client credentials"}').results[0]?.slug;
    expect(top("acme-idp")).toBe("acme-client");
    // The same words quoted from a client library do not say which server answered.
    expect(top("some-client-library")).toBe("general-client");
  });

  it("does not count a standard code the product entry also carries as naming the product", () => {
    const shared = [
      { ...base, slug: "general-client", title: "Client authentication failed", url: "/troubleshooting/general-client", messages: ["Client authentication failed"], specificTo: [], codes: ["invalid_client"], rank: 5 },
      { ...base, slug: "acme-client", title: "Acme: client authentication failed", url: "/troubleshooting/acme-client", messages: ["Client authentication failed"], specificTo: ["acme", "step 3", "acme_7"], codes: ["invalid_client", "ACME_7"] },
    ];
    const sharedIndex = buildSearchIndex(shared);
    const top = (query: string) => searchIndex(sharedIndex, query).results[0]?.slug;
    expect(top('{"error":"invalid_client","error_description":"Client authentication failed"}')).toBe("general-client");
    expect(top("ACME_7 invalid_client")).toBe("acme-client");
    // Several words in a row name it too, whatever the spacing and case.
    expect(top("Step  3: invalid_client")).toBe("acme-client");
    expect(top("step 31 invalid_client")).toBe("general-client");
  });

  it("lets a general entry that explains the words beat a product entry matched only by a code it carries", () => {
    const docs = [
      { ...base, slug: "grant-not-allowed", title: "The client may not use this grant type", url: "/troubleshooting/grant-not-allowed", messages: [], specificTo: [], summary: "The token endpoint refuses client_credentials for a client not allowed that grant.", rank: 5 },
      { ...base, slug: "acme-client", title: "Acme: unauthorized_client at sign-in", url: "/troubleshooting/acme-client", messages: [], specificTo: ["acme"], codes: ["unauthorized_client"] },
    ];
    const top = (query: string) => searchIndex(buildSearchIndex(docs), query).results[0]?.slug;
    expect(top('oauth2: "unauthorized_client" "grant_type client_credentials not allowed"')).toBe("grant-not-allowed");
    expect(top("Acme: unauthorized_client")).toBe("acme-client");
  });
});

describe("ranking: the claim a message names decides", () => {
  const base = { kind: "entry" as const, area: "id-token", summary: "", codes: [], http: [], messages: [], specificTo: [], tags: [], causes: [], fix: "", rank: 5 };
  const docs = [
    { ...base, slug: "aud-mismatch", title: "id_token audience is not this client", url: "/troubleshooting/aud-mismatch", symptom: "The aud check fails." },
    { ...base, slug: "invalid-client", title: "The client_id is not valid", url: "/troubleshooting/invalid-client", symptom: "The token exchange fails." },
  ];
  const weights = (options: typeof searchOptions) => {
    const engine = getEngine(buildSearchIndex(docs, options));
    const plan = planQuery(engine, parseInput("failed to exchange token: audience is not valid"));
    return new Map(plan.terms.map((term, at) => [term, plan.resolved[at]?.[0]?.weight ?? 0]));
  };

  it("weighs a claim name above its rarity alone, and other words by their rarity", () => {
    const weighted = weights(searchOptions);
    const plain = weights({ ...searchOptions, claimWeight: 1 });
    const audience = toTerms("audience")[0] ?? "";
    expect(weighted.get(audience)).toBeCloseTo((plain.get(audience) ?? 0) * searchOptions.claimWeight);
    expect(searchOptions.claimWeight).toBeGreaterThan(1);
    const exchange = toTerms("exchange")[0] ?? "";
    expect(weighted.get(exchange)).toBeCloseTo(plain.get(exchange) ?? -1);
  });

  it("ranks a document that never mentions the claim a message names below one that does", () => {
    const claimDocs = [
      { ...base, slug: "clock-skew", title: "Token error: iat is in the future", url: "/troubleshooting/clock-skew", symptom: "The iat check fails." },
      { ...base, slug: "hash-mismatch", title: "Incorrect id_token hash", url: "/troubleshooting/hash-mismatch", symptom: "The id_token hash is incorrect." },
    ];
    const top = (options: typeof searchOptions) => searchIndex(buildSearchIndex(claimDocs, options), "AuthTokenError: Token error: Incorrect id_token: iat").results[0]?.slug;
    expect(top(searchOptions)).toBe("clock-skew");
    expect(top({ ...searchOptions, claimMissingFactor: 1 })).toBe("hash-mismatch");
  });

  it("does not count most of a template about another check as a close match when the message names a claim", () => {
    const catalogue = [
      entry("invalid-client", "The token endpoint refuses the client", { messages: ["failed to exchange token: client_id is not valid"] }),
      entry("aud-mismatch", "Audience not valid: the token aud must contain the client_id", {
        tags: ["audience", "aud"],
        messages: ["invalid audience", "the audience of the token is not valid"],
      }),
      entry("other", "Another one", { tags: ["other"] }),
      entry("more", "Yet another", { tags: ["more"] }),
    ];
    const hits = searchIndex(buildSearchIndex(catalogue), 'failed to exchange token: audience is not valid: Audience must contain client_id "2513487@shop"').results;
    expect(hits[0]?.slug).toBe("aud-mismatch");
    expect(hits.find((hit) => hit.slug === "invalid-client")?.match).toBe("words");
  });

  it("weighs a compound claim as a whole, not the ordinary words it is made of", () => {
    const claimDocs = [
      { ...base, slug: "auth-time", title: "auth_time is older than max_age allows", url: "/troubleshooting/auth-time", symptom: "The auth_time check fails." },
      { ...base, slug: "refresh", title: "A refresh token comes only the first time", url: "/troubleshooting/refresh", symptom: "No refresh token on later sign-ins." },
    ];
    const termWeights = (query: string, options: typeof searchOptions) => {
      const engine = getEngine(buildSearchIndex(claimDocs, options));
      const plan = planQuery(engine, parseInput(query));
      return new Map(plan.terms.map((term, at) => [term, plan.resolved[at]?.[0]?.weight ?? 0]));
    };
    const plain = { ...searchOptions, claimWeight: 1 };
    const time = toTerms("time")[0] ?? "";
    expect(termWeights("the first time a user signs in", searchOptions).get(time)).toBeCloseTo(termWeights("the first time a user signs in", plain).get(time) ?? -1);
    expect(termWeights("missing auth_time claim", searchOptions).get("auth_time")).toBeCloseTo((termWeights("missing auth_time claim", plain).get("auth_time") ?? 0) * searchOptions.claimWeight);
  });
});

describe("ranking: code pages below the entries that carry the code", () => {
  const base = { area: "oauth-flow", summary: "", http: [400], tags: [], symptom: "", causes: [], fix: "", messages: [], specificTo: [], rank: 5 };
  const docs = [
    { ...base, kind: "entry" as const, slug: "scope-entry", title: "Login fails after adding a permission", url: "/troubleshooting/scope-entry", codes: ["other_code", "invalid_scope"] },
    {
      ...base,
      kind: "code" as const,
      slug: "invalid_scope",
      title: "invalid_scope",
      url: "/codes/invalid_scope",
      codes: ["INVALID_SCOPE"],
      summary: "The requested scope is invalid, unknown or malformed.",
      tags: ["authorization endpoint", "token endpoint"],
      rank: 100,
    },
    { ...base, kind: "code" as const, slug: "slow_down", title: "slow_down", url: "/codes/slow_down", codes: ["slow_down"], summary: "The client polls the device token endpoint too often." },
  ];
  const codeIndex = buildSearchIndex(docs);

  it("puts the entry first even when the code page matches the input better", () => {
    const { results } = searchIndex(codeIndex, "invalid_scope: the requested scope is invalid, unknown or malformed");
    expect(results.map((result) => result.slug)).toEqual(["scope-entry", "invalid_scope"]);
    // The code page still says how it matched, and its score stays below the entry's.
    expect(results[1]).toMatchObject({ kind: "code", match: "exact" });
    expect(results[1]?.score).toBeLessThanOrEqual(results[0]?.score ?? 0);
  });

  it("leaves a code page that no entry cites where it ranks", () => {
    expect(searchIndex(codeIndex, "slow_down").results[0]).toMatchObject({ kind: "code", slug: "slow_down" });
  });
});

describe("the library filter", () => {
  const base = { kind: "entry" as const, area: "id-token", summary: "", codes: [], http: [], tags: [], symptom: "", causes: [], fix: "", specificTo: [], rank: 5 };
  const docs = [
    { ...base, slug: "iss-mismatch", title: "Issuer mismatch", url: "/troubleshooting/iss-mismatch", messages: ["unexpected iss value", "unexpected \"iss\" claim value"], libraries: ["openid-client", "jose"], rank: 1 },
    { ...base, slug: "aud-mismatch", title: "Audience mismatch", url: "/troubleshooting/aud-mismatch", messages: ["unexpected \"aud\" claim value"], libraries: ["jose"] },
    { ...base, slug: "claim-check", title: "Claim check failed: unexpected iss value", url: "/troubleshooting/claim-check", messages: ["claim check failed", "unexpected iss value"], libraries: ["jose", "passport"], rank: 9 },
    { ...base, kind: "code" as const, slug: "invalid_token", title: "invalid_token", url: "/codes/invalid_token", codes: ["invalid_token"], messages: [], summary: "unexpected iss value" },
  ];
  const libraryIndex = buildSearchIndex(docs);
  const slugsOf = (query: string, library?: string) => searchIndex(libraryIndex, query, library === undefined ? {} : { library }).results.map((result) => result.slug);

  it("keeps only entries that quote a message of the library, and echoes it", () => {
    expect(slugsOf("unexpected iss value")).toContain("invalid_token");
    const response = searchIndex(libraryIndex, "unexpected iss value", { library: "openid-client" });
    expect(response.library).toBe("openid-client");
    expect(response.results.map((result) => result.slug)).toEqual(["iss-mismatch"]);
    expect(slugsOf("unexpected iss value", "nimbus")).toEqual([]);
  });

  it("ranks the entries whose matching message is that library's first", () => {
    const claimDocs = [
      { ...base, slug: "jose-claims", title: "Claim validation errors", url: "/troubleshooting/jose-claims", messages: ["unexpected \"iss\" claim value"], libraries: ["jose"], rank: 9 },
      { ...base, slug: "iss-claim", title: "Unexpected iss claim value", url: "/troubleshooting/iss-claim", messages: ["unexpected iss claim value", "JWTClaimValidationFailed"], libraries: ["passport", "jose"], rank: 1 },
    ];
    const claimIndex = buildSearchIndex(claimDocs);
    const query = 'JWTClaimValidationFailed: unexpected "iss" claim value';
    // Both quote the message; the title match wins without the filter…
    expect(searchIndex(claimIndex, query).results.map((result) => result.slug)).toEqual(["iss-claim", "jose-claims"]);
    // …but asked about jose, the entry whose matching wording is jose's own comes first.
    expect(searchIndex(claimIndex, "unexpected iss claim value", { library: "jose" }).results.map((result) => result.slug)).toEqual(["jose-claims", "iss-claim"]);
    expect(slugsOf("unexpected iss value", "passport")).toEqual(["claim-check"]);
  });

  it("survives serialisation (the browser reads the same libraries)", () => {
    const copy: unknown = JSON.parse(JSON.stringify(libraryIndex));
    if (!isSearchIndex(copy)) throw new Error("not an index");
    expect(searchIndex(copy, "unexpected iss value", { library: "jose" })).toEqual(searchIndex(libraryIndex, "unexpected iss value", { library: "jose" }));
  });
});

describe("long message templates", () => {
  const base = { kind: "entry" as const, area: "id-token", summary: "", codes: [], http: [], tags: [], symptom: "", causes: [], fix: "", specificTo: [], rank: 5 };
  const long =
    "requests.exceptions.SSLError: HTTPSConnectionPool(host='idp.example.com', port=443): Max retries exceeded with url: /.well-known/openid-configuration (Caused by SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate')))";
  const docs = [
    { ...base, slug: "tls", title: "Untrusted certificate", url: "/troubleshooting/tls", messages: [long] },
    { ...base, slug: "other", title: "Connection pool exhausted", url: "/troubleshooting/other", messages: ["Max retries exceeded with url"] },
  ];
  const index = buildSearchIndex(docs);

  it("ships only the first words of a long template, and a whole pasted message still matches it exactly", () => {
    expect(index.docs.messages[0]?.[0]?.split(" ").length).toBe(index.options.shipped.messageWords);
    const found = searchIndex(index, `Traceback (most recent call last):\n${long.replace("idp.example.com", "login.acme.test")}`).results[0];
    expect(found).toMatchObject({ slug: "tls", match: "exact" });
  });
});

describe("one-word templates and identifiers", () => {
  const docs = [
    entry("code-expired", "invalid_grant: the authorization code expired", { codes: ["invalid_grant"], messages: ["invalid_grant", 'oauth2: "invalid_grant" "Code not valid"'] }),
    entry("client-failed", "invalid_client: client authentication failed", { codes: ["invalid_client"], messages: ['oauth2: "invalid_client" "client authentication failed"'] }),
    entry("request-rejected", "invalid_request: a parameter is missing", { codes: ["invalid_request"], messages: ["invalid_request"] }),
    entry("nonce", "nonce mismatch: the id_token's nonce is not the one sent", { messages: ["nonce mismatch"], tags: ["nonce"] }),
    entry("keycloak-consent", "The user refused consent", { messages: ["rejected_by_user"] }),
  ];
  const index = buildSearchIndex(docs);
  const first = (query: string) => searchIndex(index, query).results[0];

  it("does not let an x/oauth2 message that quotes another code match every paste from that library", () => {
    expect(first('oauth2: "invalid_client" "client authentication failed"')).toMatchObject({ slug: "client-failed", match: "exact" });
    expect(searchIndex(index, 'oauth2: "invalid_client" "client authentication failed"').results.find((hit) => hit.slug === "code-expired")?.match).not.toBe("exact");
  });

  it("counts a one-word template only when it is a rare identifier, not a code of the reference", () => {
    expect(first("rejected_by_user")).toMatchObject({ slug: "keycloak-consent", match: "exact" });
    // invalid_request is a code: the code match decides, not a message made of the code alone.
    const hits = searchIndex(index, '{"error":"invalid_request","error_description":"nonce mismatch"}').results;
    expect(hits.find((hit) => hit.slug === "request-rejected")?.match).toBe("exact");
    expect(hits.find((hit) => hit.slug === "nonce")?.match).toBe("exact");
  });

  it("does not hold the words of a class or namespace against an entry that explains the message", () => {
    expect(first("django.core.exceptions.SuspiciousOperation: nonce mismatch in the token")?.slug).toBe("nonce");
    expect(first("com.acme.platform.core.AcmeTokenException: the nonce differs")?.slug).toBe("nonce");
    // Words the catalogue does not know, outside identifiers, still make a query noise.
    expect(searchIndex(index, "com.acme.Flux: flux capacitor overheated beyond gigawatt tolerance").results).toEqual([]);
  });
});

describe("pasted messages with a typo, a foreign identifier or a repeated template", () => {
  const docs = [
    entry("offline-access", "The provider returns no refresh token", {
      messages: ["No refresh token found in response. Refresh tokens are required to update access tokens when they expire."],
    }),
    entry("token-cache", "The token cache holds no account", { messages: ["No refresh token found in the cache. Please sign in."] }),
    entry("revoked", "The refresh token was revoked", {
      messages: ["google.auth.exceptions.RefreshError: The credentials do not contain the necessary fields need to refresh the access token."],
    }),
    entry("signature", "The token signature does not verify", { messages: ["Could not verify token signature."] }),
    entry("keycloak-events", "Keycloak log events for code exchange", {
      messages: [
        "type=CODE_TO_TOKEN_ERROR, realmId=demo, clientId=app, error=invalid_code",
        "type=CODE_TO_TOKEN_ERROR, realmId=demo, clientId=app, error=expired_code",
        "type=CODE_TO_TOKEN_ERROR, realmId=demo, clientId=app, error=pkce_verification_failed",
      ],
    }),
    entry("keycloak-client", "Keycloak refuses the client's credentials", {
      codes: ["invalid_client_credentials"],
      messages: ["type=CODE_TO_TOKEN_ERROR, realmId=demo, clientId=app, error=invalid_client_credentials"],
    }),
  ];
  const index = buildSearchIndex(docs);

  it("finds a typed fragment of a message despite a typo in it, above a message that shares fewer words", () => {
    expect(searchIndex(index, "No refresh token found in respnse").results[0]).toMatchObject({ slug: "offline-access", match: "close" });
  });

  it("does not match a template on the namespace of another library's exception", () => {
    const hits = searchIndex(index, "google.auth.exceptions.MalformedError: Could not verify token signature.").results;
    expect(hits[0]?.slug).toBe("signature");
    expect(hits.find((hit) => hit.slug === "revoked")?.match).not.toBe("exact");
  });

  it("counts templates that normalise alike once per entry, so the code in the log line decides", () => {
    const line = "WARN [org.keycloak.events] type=CODE_TO_TOKEN_ERROR, realmId=shop, clientId=web, userId=null, error=invalid_client_credentials";
    expect(searchIndex(index, line).results[0]?.slug).toBe("keycloak-client");
  });

  it("reads a quoted WWW-Authenticate challenge or JSON error body by its description, as it reads a paste", () => {
    const challenges = [
      entry("expired", "The access token expired", { messages: ['Bearer error="invalid_token", error_description="The access token expired"'] }),
      entry("unknown-key", "No key matches the token's kid", { messages: ['Bearer error="invalid_token", error_description="The signature key was not found"'] }),
      entry("stale", "The refresh token is stale", { messages: ['{"error":"invalid_grant","error_description":"Stale refresh token"}'] }),
    ];
    const challengeIndex = buildSearchIndex(challenges);
    const top = (query: string) => searchIndex(challengeIndex, query).results[0];
    expect(top('HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer error="invalid_token", error_description="The signature key was not found"')).toMatchObject({ slug: "unknown-key", match: "exact" });
    expect(top('WWW-Authenticate: Bearer realm="api", error="invalid_token", error_description="The access token expired"')).toMatchObject({ slug: "expired", match: "exact" });
    expect(top('POST /token 400 {"error":"invalid_grant","error_description":"Stale refresh token"}')).toMatchObject({ slug: "stale", match: "exact" });
  });

  it("lets the message of a standard exception decide, not the exception's class and namespace", () => {
    const catalogue = [
      entry("session-cookie", "The session cookie cannot be decrypted", {
        messages: ["System.InvalidOperationException: The antiforgery token could not be decrypted."],
        tags: ["data protection", "key ring", "System.InvalidOperationException"],
      }),
      entry("discovery", "The discovery document is invalid", { tags: ["authorization endpoint", "configuration"] }),
      entry("other", "Something else", { tags: ["redirect"] }),
    ];
    const hits = searchIndex(buildSearchIndex(catalogue), "System.InvalidOperationException: Cannot redirect to the authorization endpoint, the configuration may be missing or invalid.").results;
    expect(hits[0]?.slug).toBe("discovery");
  });

  it("reads a library's package path as which library threw, not as what went wrong", () => {
    const catalogue = [
      entry("client", "The provider refuses the client", { tags: ["oauth2", "client"] }),
      entry("rotation", "Invalid kid: the key set has rotated", { tags: ["kid", "key rotation"] }),
      entry("other", "Another one", { tags: ["other"] }),
      entry("more", "Yet another", { tags: ["more"] }),
    ];
    const hits = searchIndex(buildSearchIndex(catalogue), "allauth.socialaccount.providers.oauth2.client.OAuth2Error: Invalid 'kid': 'Xb2tQ9kLm0vR7sYc'").results;
    expect(hits[0]?.slug).toBe("rotation");
  });

  it("reads a code written out as the whole message of an exception line as that code", () => {
    const catalogue = [
      entry("silent-sign-in", "Silent sign-in fails with login_required", { codes: ["login_required"], messages: ["login_required"] }),
      entry("overlapping-logins", "Another interaction is in progress", {
        tags: ["unhandled promise rejection", "login popup"],
        messages: ["interaction_in_progress: Interaction is currently in progress."],
      }),
    ];
    const hits = searchIndex(buildSearchIndex(catalogue), "Unhandled Promise Rejection: Error: Login required").results;
    expect(hits[0]).toMatchObject({ slug: "silent-sign-in", match: "close" });
    // The same words inside a longer message are only words: the other words decide.
    const longer = searchIndex(buildSearchIndex(catalogue), "Unhandled Promise Rejection: Error: Login required before the popup opened").results;
    expect(longer[0]?.match).toBe("words");
  });

  it("does not take a lone code for a fragment of every template that quotes it", () => {
    const quoted = [
      entry("userinfo", "The UserInfo request fails", { messages: ['Bearer realm="demo", error="insufficient_scope", error_description="Missing openid scope"'] }),
      entry("api-scope", "The API refuses the token's scopes", { codes: ["insufficient_scope"] }),
    ];
    const hits = searchIndex(buildSearchIndex(quoted), "insufficient_scope").results;
    expect(hits[0]?.slug).toBe("api-scope");
    expect(hits.find((hit) => hit.slug === "userinfo")?.match).not.toBe("exact");
  });
});
