// The id_token inspector's "Get a token" round trip in the browser: before leaving for the mock
// IdP, the sign-in's state, nonce and PKCE verifier are kept in sessionStorage under its state
// (they are not the token, and they are gone after one use); back on the inspector page with
// `?code&state`, the entry for that state is taken out and the code redeemed. The token itself is
// never stored: it lives in the page's memory only.
import { z } from "zod";
import { buildDemoSignIn, parseDemoCallback, redeemDemoCode, type DemoSignIn } from "@/lib/diagnostics/id-token-demo";
import type { MockIdpScenarioName } from "@/lib/mock-idp/scenarios";

const storagePrefix = "id-token-inspector:sign-in:";
// A sign-in left unfinished (the tab went elsewhere) is forgotten after the code would expire.
const maxAgeMs = 15 * 60 * 1000;

const storedSignInSchema = z.strictObject({
  issuer: z.string(),
  tokenEndpoint: z.string(),
  redirectUri: z.string(),
  clientId: z.string(),
  state: z.string(),
  nonce: z.string(),
  verifier: z.string(),
  startedAt: z.number(),
});

type StoredSignIn = z.infer<typeof storedSignInSchema>;

/** What the inspector fills in once the token has arrived. */
export type DemoToken = { token: string; issuer: string; clientId: string; nonce: string };

export type DemoCallbackOutcome = { ok: true; result: DemoToken } | { ok: false; message: string };

function forgetStale(now: number): void {
  for (let index = sessionStorage.length - 1; index >= 0; index -= 1) {
    const key = sessionStorage.key(index);
    if (key === null || !key.startsWith(storagePrefix)) continue;
    const parsed = storedSignInSchema.safeParse(safeJson(sessionStorage.getItem(key)));
    if (!parsed.success || now - parsed.data.startedAt > maxAgeMs) sessionStorage.removeItem(key);
  }
}

function safeJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Builds the sign-in, remembers its secrets for the way back, and answers where to go. */
export async function startDemoSignIn(origin: string, scenario: MockIdpScenarioName | null): Promise<string> {
  const signIn: DemoSignIn = await buildDemoSignIn(origin, scenario);
  const now = Date.now();
  forgetStale(now);
  const stored: StoredSignIn = {
    issuer: signIn.issuer,
    tokenEndpoint: signIn.tokenEndpoint,
    redirectUri: signIn.redirectUri,
    clientId: signIn.clientId,
    state: signIn.state,
    nonce: signIn.nonce,
    verifier: signIn.verifier,
    startedAt: now,
  };
  sessionStorage.setItem(`${storagePrefix}${signIn.state}`, JSON.stringify(stored));
  return signIn.authorizeUrl;
}

/** The state of a sign-in answer in `url` (a code or an error, with a state), or null for any other page load. */
export function demoCallbackState(url: URL): string | null {
  const state = url.searchParams.get("state");
  return state !== null && (url.searchParams.has("code") || url.searchParams.has("error")) ? state : null;
}

/** Takes out (once) the sign-in a state belongs to. */
function takeSignIn(state: string): StoredSignIn | null {
  const key = `${storagePrefix}${state}`;
  const parsed = storedSignInSchema.safeParse(safeJson(sessionStorage.getItem(key)));
  sessionStorage.removeItem(key);
  return parsed.success ? parsed.data : null;
}

/**
 * Finishes a sign-in from the callback URL: checks the state against the stored sign-in,
 * redeems the code at that sign-in's token endpoint (same origin) and answers the id_token.
 */
export async function completeDemoSignIn(callback: URL): Promise<DemoCallbackOutcome> {
  const state = demoCallbackState(callback);
  const stored = state === null ? null : takeSignIn(state);
  if (stored === null) {
    return { ok: false, message: "This page was opened with a sign-in answer that this tab did not start, or that was already used. Press Get a token to sign in again." };
  }
  const parsed = parseDemoCallback(callback, stored.state);
  if (!parsed.ok) return { ok: false, message: parsed.error.message };
  const redeemed = await redeemDemoCode(stored.tokenEndpoint, parsed.code, stored.verifier, stored.redirectUri, (url, init) => fetch(url, init));
  if (!redeemed.ok) return { ok: false, message: redeemed.error.message };
  return { ok: true, result: { token: redeemed.idToken, issuer: stored.issuer, clientId: stored.clientId, nonce: stored.nonce } };
}
