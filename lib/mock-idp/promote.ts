// The demo promotion sheet behind anonymous_not_allowed: shows the resume_token's state and the
// signed-in account, and lets the tester link Apple/Google, register an email (promoting the
// anonymous account in its session cookie), or switch to another account to see
// resume_user_mismatch. Resuming itself posts to the real resume endpoint.
import type { MockIdpDeps } from "./context";
import { pendingRequestContext } from "./authorize";
import { oauthError, toErrorResponse } from "./errors";
import { param, readCookie, readFormBody, redirect } from "./http";
import { mockIdpEndpoints, promotePagePath } from "./paths";
import { findClient } from "./registry";
import { isSharedStoreUnavailable } from "@/lib/store/unavailable";
import { readResumeToken, type ResumeTokenStatus } from "./resume";
import { buildSessionCookie, openSession, sessionCookieName } from "./session";
import { findDemoUserById, findDemoUserBySub } from "./users";

export type PromotionScreen = {
  resumeToken: string;
  /** unavailable: shared state (Redis) is down, so whether the token was used cannot be told. */
  tokenStatus: "valid" | "expired" | "used" | "malformed" | "unavailable";
  applicationName: string | null;
  resumeEndpoint: string | null;
  expiresAt: string | null;
  account: { sub: string; name: string; anonymous: boolean } | null;
  /** Whether the signed-in account is the one the token was issued to. */
  sameAccount: boolean;
};

export async function getPromotionScreen(input: { resumeToken?: string; session?: string }, deps: MockIdpDeps): Promise<PromotionScreen> {
  const resumeToken = (input.resumeToken ?? "").slice(0, 8192);
  const read: ResumeTokenStatus | { status: "unavailable" } =
    resumeToken === "" ? { status: "malformed" } : await readResumeToken(resumeToken, deps).catch((error: unknown) => {
      if (isSharedStoreUnavailable(error)) return { status: "unavailable" as const };
      throw error;
    });
  const session = await openSession(input.session, deps);
  const user = session ? findDemoUserBySub(session.sub) : undefined;
  const account = session ? { sub: session.sub, name: user?.name ?? session.sub, anonymous: session.anonymous } : null;
  if (read.status !== "valid") {
    return { resumeToken, tokenStatus: read.status, applicationName: null, resumeEndpoint: null, expiresAt: null, account, sameAccount: false };
  }
  const { claims } = read;
  return {
    resumeToken,
    tokenStatus: "valid",
    applicationName: findClient(deps.registry, claims.request.client_id)?.client_name ?? claims.request.client_id,
    resumeEndpoint: mockIdpEndpoints(pendingRequestContext(claims.request).base).resume,
    expiresAt: new Date(claims.exp * 1000).toISOString(),
    account,
    sameAccount: account?.sub === claims.subject.sub,
  };
}

const actions = ["link_apple", "link_google", "register_email", "switch_account"] as const;

export async function handlePromoteSubmit(request: Request, origin: string, deps: MockIdpDeps): Promise<Response> {
  const form = await readFormBody(request);
  if (!form.ok) return toErrorResponse(form.error);
  const action = actions.find((known) => known === param(form.value, "action"));
  if (action === undefined) return toErrorResponse(oauthError("invalid_request", `action must be one of ${actions.join(", ")}`));
  const resumeToken = param(form.value, "resume_token") ?? "";

  let next: { sub: string; anonymous: boolean };
  if (action === "switch_account") {
    const other = findDemoUserById("demo");
    if (other === undefined) throw new Error("demo users are missing");
    next = { sub: other.sub, anonymous: false };
  } else {
    const session = await openSession(readCookie(request, sessionCookieName), deps);
    if (session === null) return toErrorResponse(oauthError("invalid_request", "no signed-in account to promote; sign in as the anonymous account first"));
    next = { sub: session.sub, anonymous: false };
  }
  const location = `${origin}${promotePagePath}?${new URLSearchParams({ resume_token: resumeToken, done: action })}`;
  return redirect(location, 303, { "Set-Cookie": await buildSessionCookie(next, origin, deps) });
}
