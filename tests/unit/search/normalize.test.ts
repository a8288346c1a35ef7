import { describe, expect, it } from "vitest";
import { isPlaceholderWord, normalizeCode, normalizeMessage, stem, toTerms, tokenizeWithOffsets } from "@/lib/search/normalize";

describe("normalizeMessage", () => {
  it("keeps a log event's keys and what happened, not the user's values or the error value", () => {
    const template = "type=REFRESH_TOKEN_ERROR, realmId=demo, clientId=my-app, userId=null, ipAddress=172.18.0.1, error=invalid_token, grant_type=refresh_token";
    const pasted = "type=REFRESH_TOKEN_ERROR, realmId=alto, clientId=alto-portal, userId=null, ipAddress=203.0.113.24, grant_type=refresh_token";
    expect(normalizeMessage(template)).toBe("type refresh_token_error realmid clientid userid ipaddress grant_type refresh_token");
    expect(normalizeMessage(pasted)).toBe(normalizeMessage(template));
  });

  it("strips URLs, ids and quoted values so a message with the user's values meets the template", () => {
    const template =
      "AADSTS50011: The redirect URI 'https://app.example.com/cb' specified in the request does not match the redirect URIs configured for the application '11111111-2222-3333-4444-555555555555'.";
    const pasted =
      "AADSTS50011: The redirect URI 'http://localhost:5173/auth/callback' specified in the request does not match the redirect URIs configured for the application 'f3e2d1c0-aaaa-bbbb-cccc-0123456789ab'.";
    expect(normalizeMessage(pasted)).toBe(normalizeMessage(template));
    expect(normalizeMessage(template)).toBe(
      "aadsts50011 the redirect uri specified in the request does not match the redirect uris configured for the application",
    );
  });

  it("drops the two values of an 'expected …, got: …' message", () => {
    expect(normalizeMessage("state mismatch, expected 3f2a9c, got: 77be01")).toBe("state mismatch expected got");
    expect(normalizeMessage("state mismatch, expected abc, got: undefined")).toBe("state mismatch expected got");
    expect(normalizeMessage("unexpected iss value, expected https://a.example, got: https://a.example/")).toBe(
      "unexpected iss value expected got",
    );
  });

  it("keeps a quoted bare word, because it names the claim that failed", () => {
    expect(normalizeMessage('unexpected "iss" claim value')).toBe("unexpected iss claim value");
    expect(normalizeMessage('unexpected "aud" claim value')).not.toBe(normalizeMessage('unexpected "iss" claim value'));
  });

  it("keeps a quoted error code, because it is the error rather than the user's value", () => {
    // golang.org/x/oauth2 quotes the code and the description; the description varies by IdP.
    expect(normalizeMessage('oauth2: "invalid_grant" "Code not valid"')).toBe("oauth2 invalid_grant");
    expect(normalizeMessage('oauth2: "invalid_client" "client authentication failed"')).not.toBe(normalizeMessage('oauth2: "invalid_grant" "Code not valid"'));
    expect(normalizeMessage("client 'my_app_client' is unknown")).toBe("client my_app_client is unknown");
  });

  it("drops numbers, emails, JWTs and timestamps but keeps apostrophes inside words", () => {
    expect(normalizeMessage("JWT expired, now 1700000000, exp 1699990000")).toBe("jwt expired now exp");
    expect(normalizeMessage("user bob@example.com sent eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln at 2024-05-01T10:00:00Z")).toBe("user sent at");
    expect(normalizeMessage("The client's secret isn't valid")).toBe("the client s secret isn t valid");
  });
});

describe("toTerms", () => {
  it("keeps codes whole and also splits them into words", () => {
    expect(toTerms("invalid_client")).toEqual(["invalid_client", "invalid", "client"]);
  });

  it("drops stopwords, placeholders and hosts but keeps URL paths", () => {
    expect(toTerms("The token at https://idp.example.com/.well-known/openid-configuration for 8f3e2a1b9c")).toEqual([
      "token",
      "well",
      "known",
      "openid",
      "configurat",
    ]);
  });

  it("maps related word forms to one term", () => {
    expect(stem("redirects")).toBe(stem("redirect"));
    expect(stem("redirecting")).toBe(stem("redirected"));
    expect(stem("cookies")).toBe(stem("cookie"));
    expect(stem("policies")).toBe(stem("policy"));
    expect(stem("expires")).toBe(stem("expired"));
    expect(stem("uris")).toBe("uri");
    expect(stem("rotation")).toBe(stem("rotated"));
  });
});

describe("isPlaceholderWord", () => {
  it("treats numbers, hex ids and random strings as values, and codes as words", () => {
    expect(isPlaceholderWord("1700000000")).toBe(true);
    expect(isPlaceholderWord("8f3e2a1b9c")).toBe(true);
    expect(isPlaceholderWord("a1b2c3d4e5")).toBe(true);
    expect(isPlaceholderWord("aadsts50011")).toBe(false);
    expect(isPlaceholderWord("rfc7523")).toBe(false);
    expect(isPlaceholderWord("oauth2")).toBe(false);
    expect(isPlaceholderWord("nonce")).toBe(false);
  });
});

describe("tokenizeWithOffsets", () => {
  it("reports offsets in the original text, URLs skipped", () => {
    const text = "See https://x.example/a then invalid_client";
    const tokens = tokenizeWithOffsets(text);
    expect(tokens.map((token) => text.slice(token.start, token.end))).toEqual(["See", "invalid_client", "invalid", "client"]);
  });
});

describe("normalizeCode", () => {
  it("compares codes case-insensitively", () => {
    expect(normalizeCode(" AADSTS50011 ")).toBe("aadsts50011");
  });
});
