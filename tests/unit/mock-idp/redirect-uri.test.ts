import { describe, expect, it } from "vitest";
// The mock IdP's side of the shared redirect_uri rule (lib/diagnostics/redirect-uri-match.ts):
// which requests to logi_demo_web's URIs are near misses (302) and which are not registered (400).
import { describeRedirectUriMismatch, matchRedirectUri } from "@/lib/diagnostics/redirect-uri-match";

const registered = ["http://localhost:3000/auth/callback", "https://app.example.com/auth/1pass/callback"];

describe("matchRedirectUri", () => {
  it("accepts only an exact, character-for-character match", () => {
    expect(matchRedirectUri("http://localhost:3000/auth/callback", registered)).toEqual({ kind: "exact", registered: "http://localhost:3000/auth/callback" });
  });

  it.each([
    ["http://localhost:3000/auth/callback/", ["trailing-slash"]],
    ["https://localhost:3000/auth/callback", ["scheme"]],
    ["http://app.example.com/auth/1pass/callback", ["scheme"]],
    ["https://www.app.example.com/auth/1pass/callback", ["subdomain"]],
    ["http://localhost:3000/auth/callback?env=prod", ["query"]],
    ["http://localhost:3000/auth/callback#frag", ["fragment"]],
    ["http://localhost:3001/auth/callback", ["port"]],
    ["HTTP://LOCALHOST:3000/auth/callback", ["letter-case"]],
    ["http://localhost:3000/Auth/Callback", ["letter-case"]],
    ["https://app.example.com:443/auth/1pass/callback", ["port"]],
    ["http://localhost:3000/auth%2Fcallback", ["encoding"]],
    ["https://localhost:3000/auth/callback/", ["scheme", "trailing-slash"]],
  ])("%s is a near miss: %o", (given, codes) => {
    const match = matchRedirectUri(given, registered);
    expect(match.kind).toBe("near-miss");
    if (match.kind === "near-miss") expect(match.differences.map((difference) => difference.code)).toEqual(codes);
  });

  it.each([
    "https://evil.example.net/auth/callback",
    "http://127.0.0.1:3000/auth/callback",
    "http://localhost:3000/auth/logi/callback",
    "https://app.example.com/auth/callback",
    "app://oauth/1pass/callback",
    // A staging or preview host next to a registered one is a new domain, not a near miss (seed 000).
    "https://staging.example.com/auth/1pass/callback",
    "https://pr-12.app.example.com/auth/1pass/callback",
    "not a url",
    "",
  ])("%s is not registered", (given) => {
    expect(matchRedirectUri(given, registered).kind).toBe("not-registered");
  });

  it("describes the difference in words", () => {
    const match = matchRedirectUri("http://localhost:3000/auth/callback/", registered);
    expect(match.kind === "near-miss" ? describeRedirectUriMismatch("http://localhost:3000/auth/callback/", match.registered, match.differences) : null).toBe(
      "redirect_uri does not match the registered http://localhost:3000/auth/callback character for character: the request adds a trailing slash (/auth/callback/ vs /auth/callback). Got http://localhost:3000/auth/callback/.",
    );
  });
});
