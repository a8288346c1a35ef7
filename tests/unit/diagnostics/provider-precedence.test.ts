import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/diagnostics/provider-precedence/route";
import {
  loginMethods,
  parseProviderPrecedenceQuery,
  resolveProviderPrecedence,
  type LoginMethod,
} from "@/lib/diagnostics/provider-precedence";

const all = [...loginMethods];

describe("resolveProviderPrecedence: the seed's precedence table", () => {
  const rows: Array<{ base: LoginMethod[]; provider: string | null; surfaced: LoginMethod[]; fallback: string }> = [
    { base: [], provider: "google", surfaced: ["google"], fallback: "none" },
    { base: ["apple", "google"], provider: "google", surfaced: ["google"], fallback: "none" },
    { base: ["google"], provider: "apple", surfaced: ["google"], fallback: "base" },
    { base: ["google"], provider: null, surfaced: ["google"], fallback: "none" },
    { base: [], provider: "facebook", surfaced: all, fallback: "none" },
  ];
  for (const row of rows) {
    it(`base=${row.base.join(",") || "(all)"} provider=${row.provider ?? "(none)"} → ${row.surfaced.join(",")}`, () => {
      const result = resolveProviderPrecedence({ base: row.base, provider: row.provider });
      expect(result.renderable).toEqual(row.surfaced);
      expect(result.effective).toEqual(row.surfaced);
      expect(result.fallback).toBe(row.fallback);
      expect(result.steps.length).toBeGreaterThanOrEqual(3);
    });
  }
});

describe("resolveProviderPrecedence: fail-open rules", () => {
  it("ignores invalid provider values and reports them", () => {
    const result = resolveProviderPrecedence({ base: [], provider: "facebook, google ,line" });
    expect(result.requested).toEqual(["google"]);
    expect(result.ignored).toEqual(["facebook", "line"]);
    expect(result.renderable).toEqual(["google"]);
    expect(result.steps.join(" ")).toMatch(/facebook, line/);
  });

  it("accepts several comma-separated keys, in any order and case, and keeps screen order", () => {
    const result = resolveProviderPrecedence({ provider: "APP,apple,apple" });
    expect(result.requested).toEqual(["apple", "app"]);
    expect(result.renderable).toEqual(["apple", "app"]);
  });

  it("falls back to the base when the intersection is empty", () => {
    const result = resolveProviderPrecedence({ base: ["email", "app"], provider: "google,kakao" });
    expect(result.effective).toEqual(["email", "app"]);
    expect(result.fallback).toBe("base");
    expect(result.steps.join(" ")).toMatch(/falls back to the base/);
  });

  it("filters by what the environment can render", () => {
    const result = resolveProviderPrecedence({ base: [], provider: null, available: ["apple", "google", "email", "app"] });
    expect(result.effective).toEqual(all);
    expect(result.renderable).toEqual(["apple", "google", "email", "app"]);
    expect(result.steps.join(" ")).toMatch(/kakao is not available/);
  });

  it("falls back to email with an explanation when nothing in the base is available", () => {
    const result = resolveProviderPrecedence({ base: ["kakao"], available: ["apple", "google", "email", "app"] });
    expect(result.renderable).toEqual(["email"]);
    expect(result.fallback).toBe("email");
    expect(result.steps.at(-1)).toMatch(/email\/password form/);
  });

  it("never returns an empty screen, even when nothing at all is available", () => {
    const result = resolveProviderPrecedence({ base: ["google"], provider: "apple", available: [] });
    expect(result.effective).toEqual(["google"]);
    expect(result.renderable).toEqual(["email"]);
    expect(result.fallback).toBe("email");
  });
});

describe("parseProviderPrecedenceQuery", () => {
  it("reads csv lists; absent available means all, empty means none", () => {
    const parsed = parseProviderPrecedenceQuery(new URLSearchParams("base=google,apple&provider=apple"));
    expect(parsed).toEqual({ ok: true, input: { base: ["apple", "google"], provider: "apple" } });
    const empty = parseProviderPrecedenceQuery(new URLSearchParams("available="));
    expect(empty).toEqual({ ok: true, input: { provider: null, available: [] } });
  });

  it.each([
    ["providers=google", "unknown_parameter"],
    ["provider=google&provider=apple", "duplicate_parameter"],
    [`provider=${"a".repeat(201)}`, "parameter_too_long"],
    ["base=google,facebook", "invalid_login_method"],
    ["available=myspace", "invalid_login_method"],
  ])("rejects %s with %s", (query, error) => {
    const parsed = parseProviderPrecedenceQuery(new URLSearchParams(query));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.error).toBe(error);
  });
});

describe("GET /api/diagnostics/provider-precedence", () => {
  it("answers with the documented shape", async () => {
    const response = GET(new Request("http://localhost/api/diagnostics/provider-precedence?base=google&provider=apple"));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(Object.keys(body).sort()).toEqual(["base", "effective", "fallback", "ignored", "renderable", "requested", "steps"]);
    expect(body.renderable).toEqual(["google"]);
    expect(body.fallback).toBe("base");
  });

  it("answers bad input with 400 { error, message }", async () => {
    const response = GET(new Request(`http://localhost/api/diagnostics/provider-precedence?base=${"x".repeat(500)}`));
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toMatch(/application\/json/);
    const body = await response.json();
    expect(body.error).toBe("parameter_too_long");
    expect(typeof body.message).toBe("string");
  });
});
