// OAuth-style errors: a code, a description and the HTTP status the specs (or the logi IdP)
// attach to that code. Handlers return them as results; `toErrorResponse` is the one place
// that turns them into `{ error, error_description }` JSON.

export type OAuthError = {
  error: string;
  description: string;
  status: number;
  headers?: Record<string, string>;
  /** Extra body members, e.g. `application_name` and `promotion` on anonymous_not_allowed. */
  extra?: Record<string, unknown>;
};

export type Result<T> = { ok: true; value: T } | { ok: false; error: OAuthError };

// RFC 6749 §5.2, RFC 6750 §3.1, RFC 8628 §3.5 and the logi IdP's own codes.
const defaultStatus: Record<string, number> = {
  invalid_request: 400,
  invalid_client: 401,
  invalid_grant: 400,
  unauthorized_client: 400,
  unsupported_grant_type: 400,
  unsupported_response_type: 400,
  invalid_scope: 400,
  authorization_pending: 400,
  slow_down: 400,
  expired_token: 400,
  access_denied: 400,
  invalid_token: 401,
  insufficient_scope: 403,
  anonymous_not_allowed: 403,
  resume_user_mismatch: 403,
  resume_token_expired: 422,
  resume_token_already_used: 422,
  promotion_incomplete: 422,
  rate_limited: 429,
  not_found: 404,
  method_not_allowed: 405,
  payload_too_large: 413,
  temporarily_unavailable: 503,
  server_error: 500,
};

export function oauthError(
  error: string,
  description: string,
  options: { status?: number; headers?: Record<string, string>; extra?: Record<string, unknown> } = {},
): OAuthError {
  return { error, description, status: options.status ?? defaultStatus[error] ?? 400, headers: options.headers, extra: options.extra };
}

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T>(error: OAuthError): Result<T> {
  return { ok: false, error };
}

export function toErrorResponse(error: OAuthError): Response {
  const headers = new Headers(error.headers);
  // RFC 6749 §5.1/§5.2: token-endpoint answers, errors included, are never cached.
  headers.set("Cache-Control", "no-store");
  headers.set("Pragma", "no-cache");
  return Response.json({ error: error.error, error_description: error.description, ...error.extra }, { status: error.status, headers });
}
