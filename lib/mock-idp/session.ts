// The demo sign-in session: a sealed cookie naming the account the browser signed in as.
// It stands in for the logi app's credential when the resume endpoint asks "who is calling?".
import { z } from "zod";
import type { MockIdpDeps } from "./context";
import { mockIdpBasePath } from "./paths";
import { seal, unseal } from "./sealed";

export const sessionCookieName = "mock_idp_session";
const sessionTtlSeconds = 24 * 3600;

export const sessionSchema = z.object({ sub: z.string(), anonymous: z.boolean() });
export type DemoSession = z.infer<typeof sessionSchema>;

export async function sealSession(session: DemoSession, deps: MockIdpDeps): Promise<string> {
  return seal(deps.keys.tokenKey, "session", session, { now: deps.now(), ttlSeconds: sessionTtlSeconds });
}

export async function openSession(token: string | undefined, deps: MockIdpDeps): Promise<DemoSession | null> {
  if (token === undefined || token === "") return null;
  const opened = await unseal(deps.keys.tokenKey, "session", token, sessionSchema, { now: deps.now() });
  return opened.ok ? { sub: opened.claims.sub, anonymous: opened.claims.anonymous } : null;
}

export async function buildSessionCookie(session: DemoSession, origin: string, deps: MockIdpDeps): Promise<string> {
  const secure = origin.startsWith("https://") ? "; Secure" : "";
  return `${sessionCookieName}=${await sealSession(session, deps)}; Path=${mockIdpBasePath}; HttpOnly; SameSite=Lax; Max-Age=${sessionTtlSeconds}${secure}`;
}
