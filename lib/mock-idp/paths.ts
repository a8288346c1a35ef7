// Every URL the mock IdP emits, built from an origin. Browser-safe, so widgets can link to
// the mock and its scenarios without hand-assembling URLs.

export const mockIdpBasePath = "/mock-idp";

export function mockIdpIssuer(origin: string): string {
  return `${origin}${mockIdpBasePath}`;
}

export function mockIdpScenarioIssuer(origin: string, scenario: string): string {
  return `${origin}${mockIdpBasePath}/scenarios/${scenario}`;
}

export function mockIdpScenarioListUrl(origin: string): string {
  return `${origin}${mockIdpBasePath}/scenarios`;
}

export function discoveryUrl(issuer: string): string {
  return `${issuer.replace(/\/$/, "")}/.well-known/openid-configuration`;
}

/** Endpoint URLs under an issuer's base (the mock's own, or a scenario's). */
export function mockIdpEndpoints(base: string) {
  return {
    authorization: `${base}/oauth/authorize`,
    token: `${base}/oauth/token`,
    userinfo: `${base}/oauth/userinfo`,
    jwks: `${base}/.well-known/jwks.json`,
    deviceAuthorization: `${base}/oauth/device/code`,
    devicePoll: `${base}/oauth/device/poll`,
    resume: `${base}/api/v1/oauth/authorize/resume`,
    embed: `${base}/embed`,
  };
}

export function loginPageUrl(origin: string, requestToken: string, error?: string): string {
  const url = new URL(`${origin}${mockIdpBasePath}/login`);
  url.searchParams.set("request", requestToken);
  if (error) url.searchParams.set("error", error);
  return url.href;
}

export const loginSubmitPath = `${mockIdpBasePath}/login/submit`;
export const devicePagePath = `${mockIdpBasePath}/device`;
export const deviceSubmitPath = `${mockIdpBasePath}/device/submit`;
export const promotePagePath = `${mockIdpBasePath}/promote`;
export const promoteSubmitPath = `${mockIdpBasePath}/promote/submit`;
export const errorPagePath = `${mockIdpBasePath}/error`;

export function devicePageUrl(origin: string, userCode?: string): string {
  const url = new URL(`${origin}${devicePagePath}`);
  if (userCode) url.searchParams.set("user_code", userCode);
  return url.href;
}

export function promotePageUrl(origin: string, resumeToken: string): string {
  const url = new URL(`${origin}${promotePagePath}`);
  url.searchParams.set("resume_token", resumeToken);
  return url.href;
}

export function errorPageUrl(origin: string, params: Record<string, string | undefined>): string {
  const url = new URL(`${origin}${errorPagePath}`);
  for (const [key, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(key, value);
  return url.href;
}
