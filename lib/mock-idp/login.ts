// The login screen: which buttons it shows (the shared precedence function: console setting,
// `provider`, environment), and what happens when one is chosen. The console setting is
// enforced on submit (a hidden method cannot be used by posting directly); `provider` is
// visibility only, and email/password stays usable, as logi documents.
import { loginMethods, resolveProviderPrecedence, type LoginMethod, type ProviderPrecedenceResult, emailFallbackNotice } from "@/lib/diagnostics/provider-precedence";
import { openPendingRequest, pendingRequestContext, type PendingRequestProblem } from "./authorize";
import { buildCodeRedirect } from "./code";
import type { MockIdpDeps } from "./context";
import { oauthError, toErrorResponse } from "./errors";
import { param, prefersHtml, readFormBody, redirect } from "./http";
import { loginPageUrl } from "./paths";
import { findClient, type MockClient } from "./registry";
import { anonymousNotAllowedPage, buildAnonymousNotAllowed } from "./resume";
import { buildSessionCookie } from "./session";
import type { GrantSubject } from "./tokens";
import { demoCredentials, findDemoUserById, type DemoUser } from "./users";

export type LoginScreen = {
  requestToken: string;
  clientId: string;
  clientName: string;
  scope: string;
  scenario: string | null;
  precedence: ProviderPrecedenceResult;
  /** Shown when the screen fell back to email because nothing else could be rendered. */
  notice: string | null;
  error: string | null;
};

export type LoginScreenResult = { ok: true; screen: LoginScreen } | { ok: false; problem: PendingRequestProblem };

const loginErrors: Record<string, string> = {
  invalid_credentials: `Wrong email or password. The demo account is ${demoCredentials.email} / ${demoCredentials.password}.`,
};

export function computeLoginMethods(client: MockClient, provider: string | undefined, deps: MockIdpDeps): ProviderPrecedenceResult {
  return resolveProviderPrecedence({ base: client.login_methods, provider, available: deps.config.availableMethods });
}

export async function getLoginScreen(input: { request?: string; error?: string }, deps: MockIdpDeps): Promise<LoginScreenResult> {
  const opened = await openPendingRequest(input.request, deps);
  if (!opened.ok) return opened;
  const { pending } = opened;
  const client = findClient(deps.registry, pending.client_id);
  if (client === undefined) return { ok: false, problem: { reason: "malformed", message: `Client ${pending.client_id} is no longer registered.` } };
  const precedence = computeLoginMethods(client, pending.provider, deps);
  return {
    ok: true,
    screen: {
      requestToken: input.request ?? "",
      clientId: client.client_id,
      clientName: client.client_name,
      scope: pending.scope,
      scenario: pending.scenario,
      precedence,
      notice: precedence.fallback === "email" ? emailFallbackNotice : null,
      error: input.error ? loginErrors[input.error] ?? null : null,
    },
  };
}

/** Methods a submit may use: the console setting and environment, ignoring `provider`; email is never blocked. */
function isMethodAllowed(client: MockClient, method: LoginMethod, deps: MockIdpDeps): boolean {
  if (method === "email") return true;
  return computeLoginMethods(client, undefined, deps).renderable.includes(method);
}

function parseMethod(value: string | undefined): LoginMethod | undefined {
  return loginMethods.find((method) => method === value);
}

export async function handleLoginSubmit(request: Request, origin: string, deps: MockIdpDeps): Promise<Response> {
  const form = await readFormBody(request);
  if (!form.ok) return toErrorResponse(form.error);
  const params = form.value;

  const requestToken = param(params, "request");
  const opened = await openPendingRequest(requestToken, deps);
  if (!opened.ok) return toErrorResponse(oauthError("invalid_request", opened.problem.message));
  const { pending } = opened;
  const client = findClient(deps.registry, pending.client_id);
  if (client === undefined) return toErrorResponse(oauthError("invalid_request", `client ${pending.client_id} is no longer registered`));

  const method = parseMethod(param(params, "method"));
  if (method === undefined) return toErrorResponse(oauthError("invalid_request", `method must be one of ${loginMethods.join(", ")}`));
  if (!isMethodAllowed(client, method, deps)) {
    return toErrorResponse(oauthError("access_denied", `login method ${method} is not enabled for ${client.client_name}`, { status: 403 }));
  }

  let user: DemoUser | undefined;
  if (method === "email") {
    if (param(params, "email") !== demoCredentials.email || param(params, "password") !== demoCredentials.password) {
      return redirect(loginPageUrl(origin, requestToken ?? "", "invalid_credentials"), 303);
    }
    user = findDemoUserById("demo");
  } else if (method === "app") {
    user = findDemoUserById(param(params, "account") ?? "demo");
    if (user === undefined) return toErrorResponse(oauthError("invalid_request", "account must be demo or anonymous"));
  } else {
    user = findDemoUserById("demo");
  }
  if (user === undefined) throw new Error("demo users are missing");

  const subject: GrantSubject = { sub: user.sub, anonymous: user.anonymous, amr: [method], auth_time: Math.floor(deps.now() / 1000) };
  const headers = { "Set-Cookie": await buildSessionCookie({ sub: user.sub, anonymous: user.anonymous }, pendingRequestContext(pending).origin, deps) };

  if (user.anonymous && !client.allow_anonymous_grants) {
    const error = await buildAnonymousNotAllowed(pending, client, subject, deps);
    if (prefersHtml(request)) return anonymousNotAllowedPage(error, headers);
    return toErrorResponse({ ...error, headers });
  }
  return redirect(await buildCodeRedirect(pending, subject, deps), 302, headers);
}
