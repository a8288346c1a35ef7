import { describe, expect, it, vi } from "vitest";
import { handleAuthorize } from "@/lib/mock-idp/authorize";
import { getLoginScreen } from "@/lib/mock-idp/login";
import { buildIssuerContext } from "@/lib/mock-idp/scenario-behaviour";
import type { MockIdpConfig } from "@/lib/mock-idp/config";
import { testDeps } from "./deps";

vi.mock("server-only", () => ({}));

const challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

async function screenFor(clientId: string, extra: Record<string, string> = {}, config: Partial<MockIdpConfig> = {}) {
  const deps = await testDeps(config);
  const query = new URLSearchParams({ client_id: clientId, redirect_uri: "http://localhost:3000/auth/callback", response_type: "code", code_challenge: challenge, code_challenge_method: "S256", ...extra });
  const response = await handleAuthorize(new Request(`http://idp.test/mock-idp/oauth/authorize?${query}`), buildIssuerContext("http://idp.test", null), deps);
  const request = new URL(response.headers.get("location") ?? "").searchParams.get("request") ?? undefined;
  const result = await getLoginScreen({ request }, deps);
  if (!result.ok) throw new Error(result.problem.message);
  return result.screen;
}

describe("the login screen's methods come from the precedence function", () => {
  it("shows every method by default", async () => {
    expect((await screenFor("logi_demo_web")).precedence.renderable).toEqual(["apple", "google", "kakao", "email", "app"]);
  });

  it("shows only Google for the Google-only client, whatever provider says", async () => {
    expect((await screenFor("logi_demo_google_only")).precedence.renderable).toEqual(["google"]);
    const screen = await screenFor("logi_demo_google_only", { provider: "apple" });
    expect(screen.precedence.renderable).toEqual(["google"]);
    expect(screen.precedence.fallback).toBe("base");
  });

  it("narrows by provider and drops what the environment lacks", async () => {
    expect((await screenFor("logi_demo_web", { provider: "kakao,apple" }, { availableMethods: ["apple", "google", "email", "app"] })).precedence.renderable).toEqual(["apple"]);
  });

  it("falls back to email with a notice when nothing allowed is available", async () => {
    const screen = await screenFor("logi_demo_google_only", {}, { availableMethods: ["apple", "app"] });
    expect(screen.precedence.renderable).toEqual(["email"]);
    expect(screen.notice).toMatch(/email and password/);
  });

  it("explains a missing or damaged request", async () => {
    const deps = await testDeps();
    expect(await getLoginScreen({}, deps)).toMatchObject({ ok: false, problem: { reason: "missing" } });
    expect(await getLoginScreen({ request: "garbage" }, deps)).toMatchObject({ ok: false, problem: { reason: "malformed" } });
  });
});
