import { describe, expect, it } from "vitest";
import { hasStructure, parseInput } from "@/lib/search/parse-input";

describe("parseInput: JSON error bodies", () => {
  it("reads error and error_description", () => {
    const parsed = parseInput('{"error":"invalid_request","error_description":"redirect_uri not registered"}');
    expect(parsed.codes).toEqual(["invalid_request"]);
    expect(parsed.descriptions).toEqual(["redirect_uri not registered"]);
    expect(parsed.messageLines).toEqual([]);
  });

  it("finds a body embedded in a log line and keeps the rest of the line", () => {
    const parsed = parseInput(
      '2024-05-01T10:00:00.123Z ERROR [auth] token exchange failed: {"error":"invalid_grant","error_description":"Authorization code expired"} status=400',
    );
    expect(parsed.codes).toEqual(["invalid_grant"]);
    expect(parsed.descriptions).toEqual(["Authorization code expired"]);
    expect(parsed.statuses).toEqual([400]);
    expect(parsed.messageLines[0]).toBe("token exchange failed:");
  });

  it("reads nested bodies, status fields and Entra's error_codes", () => {
    expect(parseInput('{"error":{"code":"invalid_grant","message":"Code already used"},"status":400}')).toMatchObject({
      codes: ["invalid_grant"],
      descriptions: ["Code already used"],
      statuses: [400],
    });
    const entra = parseInput('{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided.","error_codes":[7000215]}');
    expect(entra.codes).toEqual(["invalid_client", "AADSTS7000215"]);
    expect(entra.aadsts).toEqual(["AADSTS7000215"]);
  });

  it("reads bodies printed by util.inspect, Python and Ruby (not valid JSON)", () => {
    expect(parseInput("{ error: 'invalid_client', error_description: 'client authentication failed', status: 401 }")).toMatchObject({
      codes: ["invalid_client"],
      descriptions: ["client authentication failed"],
      statuses: [401],
    });
    expect(parseInput("{'error': 'invalid_grant', 'error_description': 'Bad Request'}").codes).toEqual(["invalid_grant"]);
    expect(parseInput('{"error"=>"access_denied"}').codes).toEqual(["access_denied"]);
  });
});

describe("parseInput: URLs and query strings", () => {
  it("decodes error and error_description of a callback URL (+ as space, percent-escapes)", () => {
    const parsed = parseInput("https://app.example.com/auth/callback?error=access_denied&error_description=The+user%20denied+the+request&state=xyz");
    expect(parsed.codes).toEqual(["access_denied"]);
    expect(parsed.descriptions).toEqual(["The user denied the request"]);
    expect(parsed.messageLines).toEqual(["https://app.example.com/auth/callback"]);
  });

  it("reads a bare query string and a fragment", () => {
    expect(parseInput("error=login_required&state=abc").codes).toEqual(["login_required"]);
    expect(parseInput("https://spa.example/#error=interaction_required&error_description=Consent+needed").descriptions).toEqual(["Consent needed"]);
  });

  it("survives malformed percent-encoding", () => {
    expect(parseInput("?error=invalid_scope&error_description=bad%E0%A4%A").codes).toEqual(["invalid_scope"]);
  });
});

describe("parseInput: vendor codes, headers and statuses", () => {
  it("finds AADSTS codes anywhere", () => {
    const parsed = parseInput("Sign-in failed. AADSTS50011: The redirect URI 'http://localhost:3000/cb' specified in the request does not match.");
    expect(parsed.aadsts).toEqual(["AADSTS50011"]);
    expect(parsed.codes).toEqual(["AADSTS50011"]);
  });

  it("parses a WWW-Authenticate challenge, with or without the header name", () => {
    const parsed = parseInput('HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer realm="api", error="invalid_token", error_description="The access token expired"');
    expect(parsed.wwwAuthenticate).toEqual({
      scheme: "Bearer",
      params: { realm: "api", error: "invalid_token", error_description: "The access token expired" },
    });
    expect(parsed.codes).toEqual(["invalid_token"]);
    expect(parsed.descriptions).toEqual(["The access token expired"]);
    expect(parsed.statuses).toEqual([401]);
    expect(parseInput('Bearer error="insufficient_scope", scope="files:read"').wwwAuthenticate?.params.scope).toBe("files:read");
  });

  it("reads HTTP status lines in their usual spellings", () => {
    expect(parseInput("HTTP/2 403").statuses).toEqual([403]);
    expect(parseInput("401 Unauthorized").statuses).toEqual([401]);
    expect(parseInput("request failed with status 422").statuses).toEqual([422]);
    expect(parseInput("AxiosError: Request failed with status code 401").statuses).toEqual([401]);
    expect(parseInput('{"statusCode": 400}').statuses).toEqual([400]);
    expect(parseInput("401").statuses).toEqual([401]);
    expect(parseInput("the port 3000 is busy, retry in 400 ms").statuses).toEqual([]);
  });
});

describe("parseInput: stack traces and log lines", () => {
  it("keeps the message line of a JavaScript stack trace and drops the frames", () => {
    const parsed = parseInput(
      [
        "RPError: unexpected iss value, expected https://idp.example.com, got: https://idp.example.com/",
        "    at Client.validateIdToken (/app/node_modules/openid-client/lib/client.js:842:15)",
        "    at async Client.callback (/app/node_modules/openid-client/lib/client.js:480:7)",
      ].join("\n"),
    );
    expect(parsed.messageLines).toEqual(["RPError: unexpected iss value, expected https://idp.example.com, got: https://idp.example.com/"]);
  });

  it("drops Python frames with their source lines and keeps the exception", () => {
    const parsed = parseInput(
      [
        "Traceback (most recent call last):",
        '  File "app.py", line 10, in callback',
        "    token = oauth.fetch_token(url, authorization_response=request.url)",
        "oauthlib.oauth2.rfc6749.errors.MismatchingStateError: (mismatching_state) CSRF Warning! State not equal in request and response.",
      ].join("\n"),
    );
    expect(parsed.messageLines).toEqual([
      "oauthlib.oauth2.rfc6749.errors.MismatchingStateError: (mismatching_state) CSRF Warning! State not equal in request and response.",
    ]);
    expect(parsed.codes).toEqual(["mismatching_state"]);
  });

  it("drops Java and Ruby frames", () => {
    const parsed = parseInput(
      "io.jsonwebtoken.security.SignatureException: JWT signature does not match\n\tat io.jsonwebtoken.impl.DefaultJwtParser.parse(DefaultJwtParser.java:411)\n\t... 42 more\n/app/controllers/sessions_controller.rb:12:in `create'",
    );
    expect(parsed.messageLines).toEqual(["io.jsonwebtoken.security.SignatureException: JWT signature does not match"]);
  });

  it("reads codes that exceptions put first", () => {
    expect(parseInput("OPError: invalid_grant (grant request is invalid)").codes).toEqual(["invalid_grant"]);
    expect(parseInput("PlatformException(authorize_failed, invalid_client, null)").codes).toEqual(["authorize_failed", "invalid_client"]);
  });

  it("strips log prefixes and reads logfmt", () => {
    const parsed = parseInput('level=error ts=2024-05-01T10:00:00Z msg="callback failed" error=state_mismatch');
    expect(parsed.codes).toEqual(["state_mismatch"]);
    expect(parsed.messageLines[0]).toMatch(/^callback failed/);
    expect(parseInput("[2024-05-01 10:00:00] ERROR: nonce mismatch").messageLines).toEqual(["nonce mismatch"]);
  });

  it("does not take a sentence for an error code", () => {
    expect(parseInput("Error: Something went wrong").codes).toEqual([]);
  });
});

describe("parseInput: plain text", () => {
  it("passes typed words through as a message line", () => {
    const parsed = parseInput("redirct uri mismach");
    expect(parsed).toMatchObject({ codes: [], statuses: [], descriptions: [], messageLines: ["redirct uri mismach"] });
    expect(hasStructure(parsed)).toBe(false);
  });

  it("copes with hostile input (unbalanced braces, unterminated strings)", () => {
    expect(parseInput("{".repeat(10_000)).codes).toEqual([]);
    expect(parseInput(`{"error":"${'"a'.repeat(2500)}`).codes).toEqual([]);
  });
});

describe("parseInput: server event logs and framework codes", () => {
  it("reads the code of a Keycloak event line, quoted or bare, without the punctuation around it", () => {
    const quoted = parseInput('WARN [org.keycloak.events] (executor-thread-1) type="LOGIN_ERROR", realmId="acme", clientId="web", userId="null", ipAddress="10.0.0.1", error="invalid_redirect_uri", redirect_uri="https://app.example.com/cb"');
    expect(quoted.codes).toEqual(["invalid_redirect_uri"]);
    const bare = parseInput("type=CODE_TO_TOKEN_ERROR, realmId=acme, clientId=web, userId=null, ipAddress=10.0.0.1, error=invalid_client_credentials, grant_type=authorization_code");
    expect(bare.codes).toEqual(["invalid_client_credentials"]);
  });

  it("keeps an error_description with commas in a callback URL", () => {
    expect(parseInput("https://app.example.com/cb?error=access_denied&error_description=The+user+said+no,+sorry")).toMatchObject({ codes: ["access_denied"], descriptions: ["The user said no, sorry"] });
  });

  it("reads Microsoft.IdentityModel's IDX codes", () => {
    expect(parseInput("SecurityTokenInvalidAudienceException: IDX10214: Audience validation failed.").codes).toContain("IDX10214");
    expect(parseInput("IDX1021 is not a code; IDX102145 neither").codes).toEqual([]);
  });

  it("keeps a line made only of bracketed tags as its words", () => {
    expect(parseInput("[next-auth][error][NO_SECRET]").messageLines).toEqual(["next-auth error NO_SECRET"]);
    expect(parseInput("[INFO] token refreshed").messageLines).toEqual(["token refreshed"]);
  });
});
