// Which login methods the logi login screen shows, given the console setting (base), the
// per-request `provider` parameter and what the environment supports. Pure: the login screen
// of the mock IdP, the calculator widget and the JSON API all call this one function.
// As a diagnostic it reports, in this order:
//   1. provider values that are not login method keys (ignored, never an error)
//   2. valid provider keys outside the base (provider can only narrow)
//   3. the empty-intersection fallback to the base
//   4. effective methods the environment cannot render
//   5. the email fallback when nothing is left (the screen is never empty)
//   6. what the screen finally shows
// Nothing here fails: logi fails open, so every case has a usable login screen.
import { z } from "zod";
import { finding, isOk, type Finding, type ToolResult } from "./findings";
import { explainedIn } from "./explained-in";
import { parseWith, type ParseResult } from "./input";
import type { DiagnosticRun } from "./run";
import { buildAuthorizeRequestUrl } from "./redirect-uri";
import { mockIdpEndpoints, mockIdpIssuer } from "@/lib/mock-idp/paths";

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

// ---- input -------------------------------------------------------------------------------------

/** The longest base, provider or available value accepted (a real one is a few dozen characters). */
export const maxParameterLength = 200;

/** The error codes a bad input answers with (kept stable: API clients branch on them). */
export type ProviderPrecedenceInputError = "unknown_parameter" | "duplicate_parameter" | "parameter_too_long" | "invalid_login_method" | "invalid_request";

const tooLong = `is longer than ${maxParameterLength} characters`;

/** A csv string, or an array of csv strings (JSON, or a repeated query key); unknown keys are refused. */
const methodListSchema = z
  .union([z.string().max(maxParameterLength, tooLong), z.array(z.string().max(maxParameterLength, tooLong)).max(loginMethods.length * 2, `lists more than ${loginMethods.length * 2} values`)])
  .transform((value, context) => {
    const methods: LoginMethod[] = [];
    const unknown: string[] = [];
    for (const part of (Array.isArray(value) ? value : [value]).flatMap((item) => item.split(","))) {
      const key = part.trim().toLowerCase();
      if (key === "") continue;
      if (isLoginMethod(key)) methods.push(key);
      else if (!unknown.includes(part.trim())) unknown.push(part.trim());
    }
    if (unknown.length > 0) {
      const named = unknown.map((item) => JSON.stringify(item.slice(0, 40))).join(", ");
      context.addIssue({
        code: "custom",
        message: `${named} ${unknown.length === 1 ? "is not a login method key" : "are not login method keys"}; use a comma-separated list of ${loginMethods.join(", ")}`,
        params: { error: "invalid_login_method" },
      });
      return z.NEVER;
    }
    return inScreenOrder(methods);
  });

/** The raw `provider` value as the RP sent it: one string (a repeated query key is refused). */
const providerSchema = z
  .union([z.string(), z.array(z.string()), z.null()])
  .transform((value, context) => {
    const single = Array.isArray(value) && value.length === 1 ? (value[0] ?? "") : value;
    if (Array.isArray(single)) {
      context.addIssue({ code: "custom", message: `was given ${single.length} times; give it once, as a comma-separated list`, params: { error: "duplicate_parameter" } });
      return z.NEVER;
    }
    if (single !== null && single.length > maxParameterLength) {
      context.addIssue({ code: "custom", message: `is ${single.length} characters long; the limit is ${maxParameterLength}`, params: { error: "parameter_too_long" } });
      return z.NEVER;
    }
    return single;
  });

const originSchema = z
  .string()
  .trim()
  .max(maxParameterLength, tooLong)
  .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), "is not an http(s) origin (expected e.g. http://localhost:3000)")
  .transform((value) => new URL(value).origin);

/**
 * `base` (console setting) and `available` (environment) describe configuration, so unknown keys
 * there are refused; `provider` fails open, as the IdP does. A missing `available` means every
 * method, an empty one none. `origin` (optional) is where the bundled mock IdP runs.
 */
export const providerPrecedenceInputSchema = z.strictObject({
  base: methodListSchema.optional(),
  provider: providerSchema.optional(),
  available: methodListSchema.optional(),
  origin: originSchema.optional(),
});

export type ProviderPrecedenceToolInput = z.infer<typeof providerPrecedenceInputSchema>;

function inputErrorCode(issue: z.core.$ZodIssue): ProviderPrecedenceInputError | undefined {
  if (issue.code === "unrecognized_keys") return "unknown_parameter";
  if (issue.code === "too_big") return "parameter_too_long";
  if (issue.code === "custom") {
    const code = issue.params?.error;
    if (code === "invalid_login_method" || code === "duplicate_parameter" || code === "parameter_too_long") return code;
  }
  return undefined;
}

/** Reads `?base=&provider=&available=&origin=` or the same fields as a JSON body. */
export function parseProviderPrecedenceInput(source: URLSearchParams | unknown): ParseResult<ProviderPrecedenceToolInput> {
  return parseWith(providerPrecedenceInputSchema, source, "provider-precedence", { errorCode: inputErrorCode });
}

// ---- the diagnostic ------------------------------------------------------------------------------

/** What the login screen says when it fell back to email (rule 5). */
export const emailFallbackNotice = "None of the sign-in methods this application allows is available here, so you can sign in with email and password.";

/** The demo client of the bundled mock IdP that allows every method, and its registered callback. */
export const precedenceDemoClient = { client_id: "logi_demo_web", redirect_uri: "http://localhost:3000/auth/callback", state: "precedence-demo" } as const;

/** Seed 003's precedence table (1-based rows); the environment stage is not part of it. */
export type PrecedenceTableRow = 1 | 2 | 3 | 4 | 5;

/** The table's rows as the login-method documentation prints them, for the calculator to highlight. */
export const precedenceTableRows: ReadonlyArray<{ row: PrecedenceTableRow; base: string; provider: string; shown: string; why: string }> = [
  { row: 1, base: "(none = all)", provider: "google", shown: "Google only", why: "A broad base: provider narrows it." },
  { row: 2, base: "apple,google", provider: "google", shown: "Google only", why: "provider narrows within the base." },
  { row: 3, base: "google", provider: "apple", shown: "Google only", why: "Empty intersection: the base applies, nobody is locked out." },
  { row: 4, base: "google", provider: "(none)", shown: "Google only", why: "The base applies as it is." },
  { row: 5, base: "(none = all)", provider: "facebook", shown: "All", why: "An invalid provider value is ignored." },
];

export type ProviderPrecedenceToolResult = ToolResult<"provider-precedence"> &
  ProviderPrecedenceResult & {
    row: PrecedenceTableRow | null;
    /** The explanation shown with the email fallback, null otherwise. */
    message: string | null;
    /** The same provider on the bundled mock IdP's demo client, when an origin was given. */
    authorize_url: string | null;
  };

/** provider named valid keys, none of them in the base (the `fallback` field may say email instead, as the later rule). */
function isEmptyIntersection(result: ProviderPrecedenceResult): boolean {
  return result.requested.length > 0 && !result.requested.some((method) => result.base.includes(method));
}

function providerGiven(provider: string | null | undefined): boolean {
  return provider !== undefined && provider !== null && provider.trim() !== "";
}

/**
 * Which row of the table a case is an instance of: 1 all + a valid provider narrows; 2 a set base
 * + provider narrows within it; 3 a set base + an empty intersection; 4 a set base and no valid
 * provider (computed as if provider were absent); 5 all + only invalid provider values. All with
 * no provider at all is the plain default, no row.
 */
export function findPrecedenceTableRow(input: Pick<ProviderPrecedenceInput, "provider">, result: ProviderPrecedenceResult): PrecedenceTableRow | null {
  const baseIsAll = result.base.length === loginMethods.length;
  if (baseIsAll) {
    if (result.requested.length > 0) return 1;
    return providerGiven(input.provider) && result.ignored.length > 0 ? 5 : null;
  }
  if (result.requested.length === 0) return 4;
  return isEmptyIntersection(result) ? 3 : 2;
}

export function checkProviderPrecedence(result: ProviderPrecedenceResult): Finding[] {
  const checks: Finding[] = [];
  checks.push(
    result.ignored.length > 0
      ? finding("precedence.ignored", "warn", `provider values ${result.ignored.map((value) => JSON.stringify(value)).join(", ")} are not login method keys and are ignored without an error (valid keys: ${loginMethods.join(", ")}).`, { entry: explainedIn.providerUnknownKey })
      : finding("precedence.ignored", "pass", result.requested.length > 0 ? `Every provider value is a login method key (${list(result.requested)}).` : "No provider values to ignore."),
  );
  const emptyIntersection = isEmptyIntersection(result);
  const outside = emptyIntersection ? [] : result.requested.filter((method) => !result.base.includes(method));
  if (outside.length > 0) {
    checks.push(finding("precedence.outside-base", "warn", `provider asks for ${list(outside)}, which the console setting (${list(result.base)}) does not allow; provider can only narrow the base, so ${outside.length === 1 ? "it is" : "they are"} dropped.`, { entry: explainedIn.providerOutsideBase }));
  }
  const unavailable = result.effective.filter((method) => !result.renderable.includes(method));
  if (unavailable.length > 0) {
    checks.push(finding("precedence.unavailable", "warn", `${list(unavailable)} ${unavailable.length === 1 ? "is" : "are"} allowed but not available in this environment, so the screen leaves ${unavailable.length === 1 ? "it" : "them"} out.`, { entry: explainedIn.methodNotConfigured }));
  }
  if (emptyIntersection) {
    checks.push(finding("precedence.fallback", "warn", `provider (${list(result.requested)}) and the console setting (${list(result.base)}) have nothing in common, so the screen falls back to the console setting instead of locking the user out.`, { entry: explainedIn.providerEmptyIntersection }));
  }
  if (result.fallback === "email") {
    checks.push(finding("precedence.fallback", "warn", `None of ${list(result.effective)} is available in this environment, so the screen falls back to the email/password form with a notice; it is never empty.`, { entry: explainedIn.emailFallback }));
  }
  if (!emptyIntersection && result.fallback === "none") checks.push(finding("precedence.fallback", "pass", "No fail-open fallback was needed."));
  checks.push(finding("precedence.screen", "pass", `The login screen shows: ${result.renderable.map(describeMethod).join(", ")}.`));
  return checks;
}

/**
 * What each login-method key stands for (logi's login-method table): `name` labels it in a list,
 * `shown` is what it puts on the login screen. `app` is more than one button: the whole logi app
 * path, which `covers` spells out.
 */
export const loginMethodLabels: Record<LoginMethod, { name: string; shown: string; covers?: string }> = {
  apple: { name: "Apple", shown: "Continue with Apple" },
  google: { name: "Google", shown: "Continue with Google" },
  kakao: { name: "Kakao", shown: "Continue with Kakao", covers: "only where Kakao Web SSO is set up and permitted" },
  email: { name: "Email / password", shown: "the email/password form" },
  app: {
    name: "logi app",
    shown: "the logi app path (open-app card, push approval, QR login, app install guidance)",
    covers: "the Mac app / open-app card, push approval, QR login and the app install guidance",
  },
};

function describeMethod(method: LoginMethod): string {
  return loginMethodLabels[method].shown;
}

/** An authorize request on the bundled mock IdP whose login screen applies this provider. */
export function buildPrecedenceDemoUrl(origin: string, provider: string | null | undefined): string {
  return buildAuthorizeRequestUrl(mockIdpEndpoints(mockIdpIssuer(origin)).authorization, { ...precedenceDemoClient, provider: providerGiven(provider) ? provider : null });
}

export function checkProviderPrecedenceInput(input: ProviderPrecedenceToolInput): ProviderPrecedenceToolResult {
  const resolved = resolveProviderPrecedence(input);
  const checks = checkProviderPrecedence(resolved);
  return {
    tool: "provider-precedence",
    ok: isOk(checks),
    checks,
    ...resolved,
    row: findPrecedenceTableRow(input, resolved),
    message: resolved.fallback === "email" ? emailFallbackNotice : null,
    authorize_url: input.origin === undefined ? null : buildPrecedenceDemoUrl(input.origin, input.provider),
  };
}

/** The registry's entry point: no network, so it never refuses once the input parsed. */
export async function runProviderPrecedence(input: ProviderPrecedenceToolInput): Promise<DiagnosticRun<ProviderPrecedenceToolResult>> {
  return { ok: true, result: checkProviderPrecedenceInput(input) };
}
