// A vendor code pasted alone, or inside the log line or error body it comes in, lands on the entry
// that fixes it (the entry lists the code in its frontmatter `codes`).
import { describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));

const { loadCatalogueDocs } = await import("@/scripts/bench/catalogue-docs");
const { buildSearchIndex, searchIndex } = await import("@/lib/search/index");

const { docs } = await loadCatalogueDocs();
const index = buildSearchIndex(docs);

function topSlugs(query: string, count = 1): string[] {
  return searchIndex(index, query).results.slice(0, count).map((result) => result.slug);
}

const firstHits: Array<[string, string]> = [
  ["AADSTS54005", "authorization-code-expired"],
  ['{"error":"invalid_grant","error_description":"AADSTS54005: OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.","error_codes":[54005]}', "authorization-code-expired"],
  ["AADSTS501481", "authorization-code-expired"],
  ["AADSTS50173", "refresh-token-revoked"],
  ["AADSTS700025", "client-authentication-method-mismatch"],
  ["AADSTS7000218: The request body must contain the following parameter: 'client_assertion' or 'client_secret'.", "spa-registered-as-confidential"],
  ["AADSTS90094", "consent-required"],
  ["IDX10222: Lifetime validation failed. The token is not yet valid.", "clock-skew"],
  ["IDX10516", "jwks-key-rotation"],
  ["IDX10634", "jwks-key-unusable"],
  ["type=CODE_TO_TOKEN_ERROR, realmId=3f2a, clientId=portal, userId=null, ipAddress=10.0.0.7, error=invalid_client_credentials, grant_type=authorization_code", "keycloak-invalid-client-credentials-at-login"],
  ["type=REFRESH_TOKEN_ERROR, realmId=3f2a, clientId=portal, userId=null, ipAddress=10.0.0.7, error=invalid_client_credentials, grant_type=refresh_token", "keycloak-invalid-client-credentials-on-refresh"],
  ["type=CODE_TO_TOKEN_ERROR, realmId=3f2a, clientId=portal, userId=null, ipAddress=10.0.0.7, error=expired_code, grant_type=authorization_code", "authorization-code-expired"],
  ["type=LOGIN_ERROR, realmId=3f2a, clientId=portal, userId=null, ipAddress=10.0.0.7, error=invalid_redirect_uri, redirect_uri=https://portal.example.org/cb", "redirect-uri-mismatch"],
  ["Invalid parameter: redirect_uri", "redirect-uri-mismatch"],
];

describe("vendor codes land on the entry that fixes them", () => {
  it.each(firstHits)("%s", (query, slug) => {
    expect(topSlugs(query)).toEqual([slug]);
  });

  it("counts AADSTS70008 for both an expired code and an expired refresh token", () => {
    expect(topSlugs("AADSTS70008", 3)).toEqual(expect.arrayContaining(["authorization-code-expired", "refresh-token-revoked"]));
  });
});
