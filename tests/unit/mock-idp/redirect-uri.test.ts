import { describe, expect, it } from "vitest";
import { describeRedirectUriMismatch, matchRedirectUri } from "@/lib/mock-idp/redirect-uri";

const registered = ["http://localhost:3000/auth/callback", "https://app.example.com/auth/1pass/callback"];

describe("matchRedirectUri", () => {
  it("accepts only an exact, character-for-character match", () => {
    expect(matchRedirectUri("http://localhost:3000/auth/callback", registered)).toEqual({ kind: "exact" });
  });

  it.each([
    ["http://localhost:3000/auth/callback/", ["trailing-slash"]],
    ["https://localhost:3000/auth/callback", ["scheme"]],
    ["http://app.example.com/auth/1pass/callback", ["scheme"]],
    ["https://www.app.example.com/auth/1pass/callback", ["subdomain"]],
    ["https://staging.example.com/auth/1pass/callback", ["subdomain"]],
    ["http://localhost:3000/auth/callback?env=prod", ["query"]],
    ["http://localhost:3000/auth/callback#frag", ["fragment"]],
    ["http://localhost:3001/auth/callback", ["port"]],
    ["HTTP://LOCALHOST:3000/auth/callback", ["letter-case"]],
    ["https://app.example.com:443/auth/1pass/callback", ["letter-case"]],
    ["https://localhost:3000/auth/callback/", ["scheme", "trailing-slash"]],
  ])("%s is a near miss: %o", (given, differences) => {
    const match = matchRedirectUri(given, registered);
    expect(match).toMatchObject({ kind: "near-miss", differences });
  });

  it.each([
    "https://evil.example.net/auth/callback",
    "http://127.0.0.1:3000/auth/callback",
    "http://localhost:3000/auth/logi/callback",
    "https://app.example.com/auth/callback",
    "app://oauth/1pass/callback",
    "not a url",
    "",
  ])("%s is not registered", (given) => {
    expect(matchRedirectUri(given, registered)).toEqual({ kind: "not-registered" });
  });

  it("describes the difference in words", () => {
    expect(describeRedirectUriMismatch("http://localhost:3000/auth/callback/", "http://localhost:3000/auth/callback", ["trailing-slash"])).toBe(
      "redirect_uri does not match the registered http://localhost:3000/auth/callback character for character: the paths differ only by a trailing slash. Got http://localhost:3000/auth/callback/.",
    );
  });
});
