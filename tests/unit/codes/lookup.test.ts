import { describe, expect, it } from "vitest";
import {
  entriesForCode,
  getCodeNames,
  groupBySource,
  lookupCode,
  normalizeCodeParam,
} from "@/lib/codes";
import { getCodeReference } from "@/lib/codes/reference";

const reference = getCodeReference();

describe("lookupCode", () => {
  it("returns every definition of a code", () => {
    const ids = lookupCode(reference, "access_denied").map((definition) => definition.id);
    expect(ids.sort()).toEqual(["access_denied@authorization-response", "access_denied@device-token"]);
  });

  it("matches exactly first", () => {
    // invalid_client has a standard definition and vendor ones (e.g. Google's authorization page);
    // an exact hit returns all of them and nothing that only matches case-insensitively.
    const codes = lookupCode(reference, "invalid_client").map((definition) => definition.code);
    expect(codes.length).toBeGreaterThan(0);
    expect(new Set(codes)).toEqual(new Set(["invalid_client"]));
  });

  it("falls back to a case-insensitive match", () => {
    expect(lookupCode(reference, "INVALID_CLIENT")[0]?.code).toBe("invalid_client");
    expect(lookupCode(reference, "aadsts50011")[0]?.code).toBe("AADSTS50011");
    expect(lookupCode(reference, "connect api error 215")[0]?.code).toBe("Connect API Error 215");
  });

  it("ignores surrounding whitespace", () => {
    expect(lookupCode(reference, "  slow_down\n")).toHaveLength(1);
  });

  it("returns nothing for unknown codes", () => {
    expect(lookupCode(reference, "no_such_code")).toEqual([]);
    expect(lookupCode(reference, "")).toEqual([]);
  });

  it("includes vendor meanings of standard codes", () => {
    const sources = lookupCode(reference, "unauthorized_client").map((definition) => definition.source);
    expect(sources).toContain("vendor");
  });
});

describe("getCodeNames", () => {
  it("lists each code once, sorted case-insensitively", () => {
    const names = getCodeNames(reference);
    expect(new Set(names).size).toBe(names.length);
    expect(names.filter((name) => name === "access_denied")).toHaveLength(1);
    const folded = names.map((name) => name.toLowerCase());
    expect(folded).toEqual([...folded].sort((a, b) => a.localeCompare(b)));
  });
});

describe("normalizeCodeParam", () => {
  it("decodes percent-encoded segments", () => {
    expect(normalizeCodeParam("Connect%20API%20Error%20215")).toBe("Connect API Error 215");
  });

  it("leaves decoded segments alone", () => {
    expect(normalizeCodeParam("invalid_client")).toBe("invalid_client");
    expect(normalizeCodeParam("Connect API Error 215")).toBe("Connect API Error 215");
  });

  it("rejects malformed or empty input", () => {
    expect(normalizeCodeParam("%E0%A4%A")).toBeUndefined();
    expect(normalizeCodeParam("  ")).toBeUndefined();
    expect(normalizeCodeParam("x".repeat(101))).toBeUndefined();
  });
});

describe("groupBySource", () => {
  it("orders groups iana, oidc, idp, vendor and keeps every definition", () => {
    const groups = groupBySource(reference);
    expect(groups.map((group) => group.source)).toEqual(["iana", "oidc", "idp", "vendor"]);
    const total = groups.reduce((sum, group) => sum + group.definitions.length, 0);
    expect(total).toBe(reference.definitions.length);
  });

  it("puts the OpenID Connect Core codes in their own group", () => {
    const oidc = groupBySource(reference).find((group) => group.source === "oidc");
    expect(oidc?.definitions.map((definition) => definition.code)).toContain("login_required");
  });
});

describe("entriesForCode", () => {
  it("matches the exact code in an entry's codes", () => {
    const entries = [
      { slug: "a", codes: ["invalid_client"] },
      { slug: "b", codes: ["invalid_grant", "AADSTS700082"] },
      { slug: "c", codes: [] },
    ];
    expect(entriesForCode(entries, "invalid_grant").map((entry) => entry.slug)).toEqual(["b"]);
    expect(entriesForCode(entries, "INVALID_CLIENT")).toEqual([]);
  });
});
