// Which login methods the logi login screen shows, given the console setting (base), the
// per-request `provider` parameter and what the environment supports. Pure: the login screen
// of the mock IdP, the calculator widget and the JSON API all call this one function.

export const loginMethods = ["apple", "google", "kakao", "email", "app"] as const;

export type LoginMethod = (typeof loginMethods)[number];

/** Which fail-open rule decided the final list: none, "empty intersection → base", or "nothing renderable → email". */
export type PrecedenceFallback = "none" | "base" | "email";

export type ProviderPrecedenceInput = {
  /** The console setting; empty or missing means every method. */
  base?: readonly LoginMethod[];
  /** The raw `provider` query parameter as the RP sent it (comma-separated), if any. */
  provider?: string | null;
  /** Methods the current environment can render; missing means every method. */
  available?: readonly LoginMethod[];
};

export type ProviderPrecedenceResult = {
  base: LoginMethod[];
  requested: LoginMethod[];
  ignored: string[];
  effective: LoginMethod[];
  renderable: LoginMethod[];
  fallback: PrecedenceFallback;
  steps: string[];
};

export function isLoginMethod(value: string): value is LoginMethod {
  return loginMethods.some((method) => method === value);
}

/** Keeps the screen order (apple, google, kakao, email, app) and drops duplicates. */
function inScreenOrder(methods: Iterable<LoginMethod>): LoginMethod[] {
  const wanted = new Set(methods);
  return loginMethods.filter((method) => wanted.has(method));
}

function list(methods: readonly string[]): string {
  return methods.length === 0 ? "(none)" : methods.join(", ");
}

/** Splits a raw `provider` value into known keys and ignored values. Matching is case-insensitive. */
export function splitProviderParameter(raw: string | null | undefined): { requested: LoginMethod[]; ignored: string[] } {
  const requested: LoginMethod[] = [];
  const ignored: string[] = [];
  for (const part of (raw ?? "").split(",")) {
    const value = part.trim();
    if (value === "") continue;
    const key = value.toLowerCase();
    if (isLoginMethod(key)) requested.push(key);
    else if (!ignored.includes(value)) ignored.push(value);
  }
  return { requested: inScreenOrder(requested), ignored };
}

export function resolveProviderPrecedence(input: ProviderPrecedenceInput): ProviderPrecedenceResult {
  const steps: string[] = [];

  const consoleSetting = inScreenOrder(input.base ?? []);
  const base = consoleSetting.length === 0 ? [...loginMethods] : consoleSetting;
  steps.push(
    consoleSetting.length === 0
      ? `Base: the console setting is empty, which allows every method (${list(base)}).`
      : `Base: the console setting allows ${list(base)}.`,
  );

  const { requested, ignored } = splitProviderParameter(input.provider);
  if (ignored.length > 0) {
    steps.push(`Ignored: ${list(ignored)} ${ignored.length === 1 ? "is not a login method key" : "are not login method keys"} (valid keys: ${loginMethods.join(", ")}); invalid values never cause an error.`);
  }

  let effective: LoginMethod[];
  let fallback: PrecedenceFallback = "none";
  if (requested.length === 0) {
    effective = base;
    steps.push(
      input.provider === undefined || input.provider === null || input.provider.trim() === ""
        ? "Effective: no provider parameter, so the base applies as is."
        : "Effective: the provider parameter named no valid method, so the base applies as is.",
    );
  } else {
    const intersection = base.filter((method) => requested.includes(method));
    if (intersection.length === 0) {
      effective = base;
      fallback = "base";
      steps.push(`Effective: provider (${list(requested)}) ∩ base (${list(base)}) is empty, so the screen falls back to the base instead of locking the user out.`);
    } else {
      effective = intersection;
      steps.push(`Effective: provider (${list(requested)}) ∩ base (${list(base)}) = ${list(intersection)}; provider can only narrow the base.`);
    }
  }

  const available = input.available === undefined ? [...loginMethods] : inScreenOrder(input.available);
  const filtered = effective.filter((method) => available.includes(method));
  const removed = effective.filter((method) => !available.includes(method));
  let renderable: LoginMethod[];
  if (filtered.length > 0) {
    renderable = filtered;
    steps.push(
      removed.length === 0
        ? `Renderable: every effective method is available in this environment (${list(renderable)}).`
        : `Renderable: ${list(removed)} ${removed.length === 1 ? "is" : "are"} not available in this environment, leaving ${list(renderable)}.`,
    );
  } else {
    renderable = ["email"];
    fallback = "email";
    steps.push(`Renderable: none of ${list(effective)} is available in this environment, so the screen falls back to the email/password form and explains why; it is never empty.`);
  }

  return { base, requested, ignored, effective, renderable, fallback, steps };
}

export type ProviderPrecedenceQueryError = {
  error: "unknown_parameter" | "duplicate_parameter" | "parameter_too_long" | "invalid_login_method";
  message: string;
};

export type ProviderPrecedenceQueryResult =
  | { ok: true; input: ProviderPrecedenceInput }
  | { ok: false; error: ProviderPrecedenceQueryError };

const queryParameters = ["base", "provider", "available"] as const;
const maxParameterLength = 200;

function parseMethodList(name: "base" | "available", raw: string): { ok: true; methods: LoginMethod[] } | { ok: false; error: ProviderPrecedenceQueryError } {
  const methods: LoginMethod[] = [];
  for (const part of raw.split(",")) {
    const value = part.trim().toLowerCase();
    if (value === "") continue;
    if (!isLoginMethod(value)) {
      return {
        ok: false,
        error: {
          error: "invalid_login_method",
          message: `${name}: "${part.trim()}" is not a login method key; use a comma-separated list of ${loginMethods.join(", ")}.`,
        },
      };
    }
    methods.push(value);
  }
  return { ok: true, methods: inScreenOrder(methods) };
}

/**
 * Reads `?base=&provider=&available=`. Unlike `provider` (which fails open, as the IdP does),
 * `base` and `available` describe configuration, so unknown keys there are reported.
 * A missing `available` means every method; an empty one means none.
 */
export function parseProviderPrecedenceQuery(params: URLSearchParams): ProviderPrecedenceQueryResult {
  for (const name of new Set(params.keys())) {
    if (!queryParameters.some((known) => known === name)) {
      return { ok: false, error: { error: "unknown_parameter", message: `Unknown parameter "${name.slice(0, 40)}"; expected base, provider and available.` } };
    }
    const values = params.getAll(name);
    if (values.length > 1) {
      return { ok: false, error: { error: "duplicate_parameter", message: `${name} was given ${values.length} times; give it once, as a comma-separated list.` } };
    }
    const value = values[0] ?? "";
    if (value.length > maxParameterLength) {
      return { ok: false, error: { error: "parameter_too_long", message: `${name} is ${value.length} characters long; the limit is ${maxParameterLength}.` } };
    }
  }
  const input: ProviderPrecedenceInput = { provider: params.get("provider") };
  const base = params.get("base");
  if (base !== null) {
    const parsed = parseMethodList("base", base);
    if (!parsed.ok) return parsed;
    input.base = parsed.methods;
  }
  const available = params.get("available");
  if (available !== null) {
    const parsed = parseMethodList("available", available);
    if (!parsed.ok) return parsed;
    input.available = parsed.methods;
  }
  return { ok: true, input };
}
