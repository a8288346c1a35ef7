import { describe, expect, it } from "vitest";
import { parseSearchParams, parseSearchRequest, toSearchApiResponse } from "@/lib/search/request";
import { buildSearchIndex, searchIndex } from "@/lib/search/index";
import { fixtureDocs } from "./fixtures";

describe("parseSearchParams", () => {
  it("accepts q with an optional limit", () => {
    expect(parseSearchParams(new URLSearchParams("q=invalid_client"))).toEqual({ ok: true, request: { query: "invalid_client", limit: 10 } });
    expect(parseSearchParams(new URLSearchParams("q=x&limit=3"))).toEqual({ ok: true, request: { query: "x", limit: 3 } });
    expect(parseSearchParams(new URLSearchParams("q=x&limit=50"))).toMatchObject({ ok: true });
  });

  it("refuses a missing or empty q", () => {
    expect(parseSearchParams(new URLSearchParams(""))).toMatchObject({ ok: false, error: { error: "invalid_request", message: expect.stringContaining("Missing q") } });
    expect(parseSearchParams(new URLSearchParams("q=%20%20"))).toMatchObject({ ok: false, error: { error: "invalid_request" } });
  });

  it("takes 10,000 characters and refuses more, saying what to do", () => {
    expect(parseSearchRequest({ q: "a".repeat(10_000) })).toMatchObject({ ok: true });
    const refused = parseSearchRequest({ q: "a".repeat(10_001) });
    expect(refused).toMatchObject({ ok: false, error: { error: "invalid_request" } });
    if (!refused.ok) expect(refused.error.message).toContain("10,000");
  });

  it("refuses a limit that is not an integer from 1 to 50", () => {
    for (const limit of ["0", "51", "-1", "2.5", "ten", "1e2", " "]) {
      expect(parseSearchParams(new URLSearchParams({ q: "x", limit }))).toMatchObject({ ok: false, error: { error: "invalid_request" } });
    }
  });

  it("refuses a q that is not a string (JSON bodies)", () => {
    expect(parseSearchRequest({ q: 42 })).toMatchObject({ ok: false });
    expect(parseSearchRequest({ q: "x", limit: 5 })).toEqual({ ok: true, request: { query: "x", limit: 5 } });
  });
});

describe("toSearchApiResponse", () => {
  it("keeps exactly the fields of the public contract", () => {
    const response = toSearchApiResponse(searchIndex(buildSearchIndex(fixtureDocs), "invalid_client", { limit: 2 }));
    expect(response.query).toBe("invalid_client");
    expect(response.results.length).toBe(2);
    for (const result of response.results) {
      expect(Object.keys(result).sort()).toEqual(["area", "codes", "score", "slug", "title", "url"]);
    }
    expect(response.results[0]?.score).toBeGreaterThan(response.results[1]?.score ?? 1);
  });
});

describe("parseSearchRequest: library", () => {
  const libraries = ["openid-client", "jose"];

  it("accepts a known library id and leaves it out when not given", () => {
    expect(parseSearchRequest({ q: "x", library: "jose" }, libraries)).toEqual({ ok: true, request: { query: "x", limit: 10, library: "jose" } });
    expect(parseSearchRequest({ q: "x" }, libraries)).toEqual({ ok: true, request: { query: "x", limit: 10 } });
  });

  it("refuses an unknown library, naming the ones it accepts", () => {
    expect(parseSearchRequest({ q: "x", library: "nope" }, libraries)).toEqual({
      ok: false,
      error: { error: "invalid_request", message: 'Unknown library "nope": use one of openid-client, jose' },
    });
    expect(parseSearchRequest({ q: "x", library: 42 }, libraries).ok).toBe(false);
    expect(parseSearchParams(new URLSearchParams("q=x&library="), libraries).ok).toBe(false);
  });
});
