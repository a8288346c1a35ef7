import { describe, expect, it } from "vitest";
import {
  buildCatalogueAnchorRedirects,
  buildEntryAnchorRedirects,
  parseFragment,
  resolveFragment,
} from "@/lib/content/anchor-redirects";

const renamed = {
  slug: "client-authentication-failed",
  aliases: ["token-invalid-client"],
  causes: [
    { id: "secret-rotated", aliases: [] },
    { id: "auth-method-mismatch", aliases: ["wrong-auth-method", "basic-vs-post"] },
  ],
};
const untouched = { slug: "state-mismatch", aliases: [], causes: [{ id: "cookie-lost", aliases: [] }] };

describe("buildCatalogueAnchorRedirects", () => {
  it("holds only what was retired", () => {
    expect(buildCatalogueAnchorRedirects([renamed, untouched])).toEqual({
      entries: { "token-invalid-client": "client-authentication-failed" },
      causes: { "client-authentication-failed": { "wrong-auth-method": "auth-method-mismatch", "basic-vs-post": "auth-method-mismatch" } },
    });
  });
});

describe("resolveFragment on the catalogue", () => {
  const redirects = buildCatalogueAnchorRedirects([renamed, untouched]);
  const cases: Array<[string, string | undefined]> = [
    ["token-invalid-client", "client-authentication-failed"],
    ["token-invalid-client--secret-rotated", "client-authentication-failed--secret-rotated"],
    ["token-invalid-client--wrong-auth-method", "client-authentication-failed--auth-method-mismatch"],
    ["client-authentication-failed--basic-vs-post", "client-authentication-failed--auth-method-mismatch"],
    ["client-authentication-failed", undefined],
    ["client-authentication-failed--secret-rotated", undefined],
    ["state-mismatch--cookie-lost", undefined],
    ["area-oauth-flow", undefined],
    ["", undefined],
    ["constructor", undefined],
    ["constructor--toString", undefined],
  ];
  it.each(cases)("#%s → %s", (fragment, expected) => {
    expect(resolveFragment(fragment, redirects)).toBe(expected);
  });
});

describe("resolveFragment on an entry page", () => {
  const redirects = buildEntryAnchorRedirects(renamed);
  const page = renamed.slug;
  const cases: Array<[string, string | undefined]> = [
    // After the 308 from /troubleshooting/<alias>, the browser keeps the old fragment.
    ["token-invalid-client--wrong-auth-method", "client-authentication-failed--auth-method-mismatch"],
    ["token-invalid-client--secret-rotated", "client-authentication-failed--secret-rotated"],
    ["client-authentication-failed--wrong-auth-method", "client-authentication-failed--auth-method-mismatch"],
    // A bare cause id, current or retired.
    ["wrong-auth-method", "client-authentication-failed--auth-method-mismatch"],
    ["secret-rotated", "client-authentication-failed--secret-rotated"],
    ["client-authentication-failed--secret-rotated", undefined],
    ["symptom", undefined],
    ["state-mismatch--cookie-lost", undefined],
    ["hasOwnProperty", undefined],
  ];
  it.each(cases)("#%s → %s", (fragment, expected) => {
    expect(resolveFragment(fragment, redirects, page)).toBe(expected);
  });
});

describe("parseFragment", () => {
  it("strips the hash and decodes, and gives up on malformed escapes", () => {
    expect(parseFragment("#a--b")).toBe("a--b");
    expect(parseFragment("#a%2Db")).toBe("a-b");
    expect(parseFragment("")).toBe("");
    expect(parseFragment("#%E0%A4%A")).toBe("");
  });
});
