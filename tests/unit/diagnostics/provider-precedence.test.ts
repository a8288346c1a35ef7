import { describe, expect, it, vi } from "vitest";
import { GET, POST } from "@/app/api/diagnostics/provider-precedence/route";
import {
  checkProviderPrecedenceInput,
  emailFallbackNotice,
  findPrecedenceTableRow,
  loginMethods,
  parseProviderPrecedenceInput,
  resolveProviderPrecedence,
  type LoginMethod,
  type ProviderPrecedenceToolInput,
} from "@/lib/diagnostics/provider-precedence";

vi.mock("server-only", () => ({}));

const all = [...loginMethods];

function check(input: ProviderPrecedenceToolInput) {
  return checkProviderPrecedenceInput(input);
}

function findingOf(result: ReturnType<typeof check>, id: string) {
  return result.checks.filter((item) => item.id === id);
}

describe("resolveProviderPrecedence: every row of the seed's precedence table", () => {
  const rows: Array<{ row: number; base: LoginMethod[]; provider: string | null; surfaced: LoginMethod[]; fallback: string }> = [
    { row: 1, base: [], provider: "google", surfaced: ["google"], fallback: "none" },
    { row: 2, base: ["apple", "google"], provider: "google", surfaced: ["google"], fallback: "none" },
    { row: 3, base: ["google"], provider: "apple", surfaced: ["google"], fallback: "base" },
    { row: 4, base: ["google"], provider: null, surfaced: ["google"], fallback: "none" },
    { row: 5, base: [], provider: "facebook", surfaced: all, fallback: "none" },
  ];
  for (const row of rows) {
    it(`row ${row.row}: base=${row.base.join(",") || "(all)"} provider=${row.provider ?? "(none)"} → ${row.surfaced.join(",")}`, () => {
      const result = resolveProviderPrecedence({ base: row.base, provider: row.provider });
      expect(result.renderable).toEqual(row.surfaced);
      expect(result.effective).toEqual(row.surfaced);
      expect(result.fallback).toBe(row.fallback);
      expect(result.steps.length).toBeGreaterThanOrEqual(3);
      const tool = check({ base: row.base, provider: row.provider });
      expect(tool.row).toBe(row.row);
      expect(tool.ok).toBe(true);
    });
  }
});

describe("resolveProviderPrecedence: fail-open rules", () => {
  it("ignores invalid provider values and reports them, without an error", () => {
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
    const tool = check({ base: ["kakao"], available: ["apple", "google", "email", "app"] });
    expect(tool.message).toBe(emailFallbackNotice);
    expect(findingOf(tool, "precedence.fallback")).toEqual([expect.objectContaining({ status: "warn", entry: "/troubleshooting/kakao-not-shown#kakao-not-shown--only-kakao-allowed" })]);
  });

  it("never returns an empty screen, even when nothing at all is available", () => {
    const result = resolveProviderPrecedence({ base: ["google"], provider: "apple", available: [] });
    expect(result.effective).toEqual(["google"]);
    expect(result.renderable).toEqual(["email"]);
    expect(result.fallback).toBe("email");
  });

  it("never returns an empty screen for any combination of base, provider and availability", () => {
    const subsets: LoginMethod[][] = [[], ["kakao"], ["google"], ["apple", "google"], ["email", "app"], all];
    const providers = [null, "", "facebook", "google", "kakao,apple", "app,email,line"];
    for (const base of subsets) {
      for (const available of subsets) {
        for (const provider of providers) {
          const tool = check({ base, available, provider });
          expect(tool.renderable.length).toBeGreaterThan(0);
          expect(tool.ok).toBe(true);
          expect(tool.checks.every((item) => item.status !== "fail")).toBe(true);
          expect(tool.message === null).toBe(tool.fallback !== "email");
        }
      }
    }
  });
});

describe("the diagnostic's findings", () => {
  it("warns about ignored values, linked to the entry that explains them", () => {
    const tool = check({ provider: "facebook,google" });
    expect(findingOf(tool, "precedence.ignored")).toEqual([expect.objectContaining({ status: "warn", entry: "/troubleshooting/provider-parameter-ignored#provider-parameter-ignored--unknown-key" })]);
    expect(findingOf(tool, "precedence.ignored")[0]?.message).toContain('"facebook"');
  });

  it("warns when the intersection is empty, linked to the fallback entry", () => {
    const tool = check({ base: ["google"], provider: "apple" });
    expect(findingOf(tool, "precedence.fallback")).toEqual([expect.objectContaining({ status: "warn", entry: "/troubleshooting/provider-empty-intersection-fallback#provider-empty-intersection-fallback--empty-intersection" })]);
  });

  it("reports both fallbacks when the base fallback is itself unavailable", () => {
    const tool = check({ base: ["google"], provider: "apple", available: [] });
    expect(findingOf(tool, "precedence.fallback").map((item) => item.entry)).toEqual([
      "/troubleshooting/provider-empty-intersection-fallback#provider-empty-intersection-fallback--empty-intersection",
      "/troubleshooting/kakao-not-shown#kakao-not-shown--only-kakao-allowed",
    ]);
    expect(tool.row).toBe(3);
  });

  it("warns about valid keys outside the base and methods the environment lacks", () => {
    const tool = check({ base: ["apple", "google"], provider: "google,kakao", available: ["apple", "email"] });
    expect(findingOf(tool, "precedence.outside-base")[0]).toMatchObject({ status: "warn", entry: expect.stringContaining("--outside-console-base") });
    expect(findingOf(tool, "precedence.unavailable")[0]).toMatchObject({ status: "warn", entry: expect.stringContaining("--kakao-not-configured") });
  });

  it("passes a plain narrowing, and names the buttons shown", () => {
    const tool = check({ provider: "google" });
    expect(tool.checks.map((item) => item.status)).toEqual(["pass", "pass", "pass"]);
    expect(findingOf(tool, "precedence.screen")[0]?.message).toBe("The login screen shows: Continue with Google.");
  });

  it("spells out what the app key covers: the whole logi app path, not one button", () => {
    const tool = check({ provider: "email,app" });
    expect(findingOf(tool, "precedence.screen")[0]?.message).toBe(
      "The login screen shows: the email/password form, the logi app path (open-app card, push approval, QR login, app install guidance).",
    );
  });
});

describe("findPrecedenceTableRow", () => {
  it.each([
    [{ base: [], provider: "apple,kakao" }, 1],
    [{ base: all, provider: "app" }, 1],
    [{ base: ["google", "email", "app"], provider: "email,facebook" }, 2],
    [{ base: ["email", "app"], provider: "google,kakao" }, 3],
    [{ base: ["kakao"], provider: "" }, 4],
    [{ base: ["google"], provider: "facebook" }, 4],
    [{ base: [], provider: "facebook,line" }, 5],
    [{ base: [], provider: null }, null],
    [{ base: [], provider: "  " }, null],
  ] satisfies Array<[{ base: LoginMethod[]; provider: string | null }, number | null]>)("%o → row %s", (input, row) => {
    expect(findPrecedenceTableRow(input, resolveProviderPrecedence(input))).toBe(row);
  });
});

describe("parseProviderPrecedenceInput", () => {
  it("reads csv lists; absent available means all, empty means none", () => {
    expect(parseProviderPrecedenceInput(new URLSearchParams("base=google,apple&provider=apple"))).toEqual({ ok: true, input: { base: ["apple", "google"], provider: "apple" } });
    expect(parseProviderPrecedenceInput(new URLSearchParams("available="))).toEqual({ ok: true, input: { available: [] } });
  });

  it("takes the same fields as a JSON body, with arrays or csv strings", () => {
    expect(parseProviderPrecedenceInput({ base: ["GOOGLE", "apple"], provider: null, available: "email, app" })).toEqual({ ok: true, input: { base: ["apple", "google"], provider: null, available: ["email", "app"] } });
    expect(parseProviderPrecedenceInput(new URLSearchParams("base=google&base=apple"))).toEqual({ ok: true, input: { base: ["apple", "google"] } });
  });

  it("keeps the provider value raw, as the RP sent it", () => {
    expect(parseProviderPrecedenceInput({ provider: " Google, facebook " })).toEqual({ ok: true, input: { provider: " Google, facebook " } });
  });

  it("reduces origin to an origin and refuses non-http(s) ones", () => {
    expect(parseProviderPrecedenceInput({ origin: "http://localhost:3000/some/page" })).toEqual({ ok: true, input: { origin: "http://localhost:3000" } });
    const refused = parseProviderPrecedenceInput({ origin: "javascript:alert(1)" });
    expect(refused).toMatchObject({ ok: false, error: { error: "invalid_request", message: expect.stringContaining("origin:") } });
  });

  it.each([
    ["providers=google", "unknown_parameter"],
    ["provider=google&provider=apple", "duplicate_parameter"],
    [`provider=${"a".repeat(201)}`, "parameter_too_long"],
    [`base=${"x".repeat(201)}`, "parameter_too_long"],
    ["base=google,facebook", "invalid_login_method"],
    ["available=myspace", "invalid_login_method"],
  ])("rejects %s with %s", (query, error) => {
    const parsed = parseProviderPrecedenceInput(new URLSearchParams(query));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error.error).toBe(error);
      expect(parsed.error.message).toMatch(/^provider-precedence: /);
    }
  });

  it("names every unknown key in base or available", () => {
    const parsed = parseProviderPrecedenceInput({ base: ["google", "facebook"], available: "line" });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error.message).toContain('base: "facebook" is not a login method key');
      expect(parsed.error.message).toContain('available: "line" is not a login method key');
    }
    const several = parseProviderPrecedenceInput({ base: "facebook,google,myspace" });
    if (!several.ok) expect(several.error.message).toContain('"facebook", "myspace" are not login method keys');
  });

  it("refuses a JSON body of the wrong types", () => {
    expect(parseProviderPrecedenceInput({ base: 3 })).toMatchObject({ ok: false, error: { error: "invalid_request" } });
    expect(parseProviderPrecedenceInput({ provider: ["google", "apple"] })).toMatchObject({ ok: false, error: { error: "duplicate_parameter" } });
    expect(parseProviderPrecedenceInput("base=google")).toMatchObject({ ok: false, error: { error: "invalid_request" } });
  });
});

describe("authorize_url: the same provider on the bundled mock IdP", () => {
  it("builds a demo authorize request for logi_demo_web when an origin is given", () => {
    const tool = check({ base: [], provider: "google,facebook", origin: "http://localhost:3000" });
    const url = new URL(tool.authorize_url ?? "");
    expect(`${url.origin}${url.pathname}`).toBe("http://localhost:3000/mock-idp/oauth/authorize");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: "logi_demo_web",
      redirect_uri: "http://localhost:3000/auth/callback",
      response_type: "code",
      scope: "openid",
      state: "precedence-demo",
      code_challenge: "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
      code_challenge_method: "S256",
      provider: "google,facebook",
    });
  });

  it("leaves provider out when none was given, and is null without an origin", () => {
    expect(new URL(check({ origin: "https://fixbook.example" }).authorize_url ?? "").searchParams.has("provider")).toBe(false);
    expect(check({ provider: "google" }).authorize_url).toBeNull();
  });
});

function get(query: string): Request {
  return new Request(`http://localhost/api/diagnostics/provider-precedence?${query}`, { headers: { "x-forwarded-for": `192.0.2.${Math.floor(Math.random() * 250)}` } });
}

describe("GET|POST /api/diagnostics/provider-precedence", () => {
  it("answers with the documented shape, plus the diagnostics envelope", async () => {
    const response = await GET(get("base=google&provider=apple"));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(Object.keys(body).sort()).toEqual(["authorize_url", "base", "checks", "effective", "fallback", "ignored", "message", "ok", "renderable", "requested", "row", "steps", "tool"]);
    expect(body).toMatchObject({ tool: "provider-precedence", ok: true, renderable: ["google"], fallback: "base", row: 3, authorize_url: null, message: null });
  });

  it("takes a JSON body by POST", async () => {
    const response = await POST(new Request("http://localhost/api/diagnostics/provider-precedence", { method: "POST", headers: { "content-type": "application/json", "x-forwarded-for": "192.0.2.251" }, body: JSON.stringify({ base: ["kakao"], available: ["apple", "email"], origin: "http://127.0.0.1:3999" }) }));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ renderable: ["email"], fallback: "email", message: emailFallbackNotice, row: 4 });
    expect(body.authorize_url).toMatch(/^http:\/\/127\.0\.0\.1:3999\/mock-idp\/oauth\/authorize\?client_id=logi_demo_web&/);
  });

  it("answers bad input with 400 { error, message }", async () => {
    const response = await GET(get(`base=${"x".repeat(500)}`));
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toMatch(/application\/json/);
    const body = await response.json();
    expect(body.error).toBe("parameter_too_long");
    expect(typeof body.message).toBe("string");
    const unknown = await (await GET(get("base=google,facebook"))).json();
    expect(unknown).toMatchObject({ error: "invalid_login_method", message: expect.stringContaining('"facebook"') });
  });
});
