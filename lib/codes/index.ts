// The error-code reference as pure functions: validate the data file, index it once, look codes
// up. Runs in the browser and in Node; loading the file lives in `reference.ts`.
import type { z } from "zod";
import {
  codesFileSchema,
  type CodeDefinition,
  type CodeSource,
  type ReturnedAt,
} from "./schema";

export const codesFile = "content/codes.json";

export type CodeProblem = { file: string; field: string; message: string };

export type CodeReference = {
  /** In file order. */
  definitions: readonly CodeDefinition[];
  /** Distinct codes, sorted case-insensitively. */
  names: readonly string[];
  byCode: ReadonlyMap<string, readonly CodeDefinition[]>;
  /** Lower-cased code → definitions, for the case-insensitive fallback. */
  byFoldedCode: ReadonlyMap<string, readonly CodeDefinition[]>;
};

export type ParseCodesResult =
  | { ok: true; reference: CodeReference }
  | { ok: false; problems: CodeProblem[] };

export const sourceLabels: Record<CodeSource, string> = {
  iana: "OAuth 2.0 and extensions (IANA registry)",
  oidc: "OpenID Connect Core",
  idp: "logi IdP",
  vendor: "Other vendors",
};

export const sourceOrder: readonly CodeSource[] = ["iana", "oidc", "idp", "vendor"];

export const returnedAtLabels: Record<ReturnedAt, string> = {
  "authorization-response": "Authorization response (redirect to the RP)",
  "authorization-endpoint": "Authorization endpoint (shown by the IdP, no redirect to the RP)",
  "token-endpoint": "Token endpoint",
  "device-authorization": "Device authorization endpoint",
  "device-token": "Token endpoint, device-code polling",
  resource: "Protected resource (WWW-Authenticate)",
  registration: "Client registration endpoint",
  revocation: "Token revocation endpoint",
  "federation-endpoint": "OpenID Federation endpoint",
  "idp-api": "IdP or product API",
  other: "Elsewhere",
};

const statusTexts: Record<number, string> = {
  302: "Found (redirect to an IdP page)",
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  422: "Unprocessable Content",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

/** `400 Bad Request`; null statuses are errors that arrive in a redirect or on a page, not as a status. */
export function httpStatusLabel(http: number | null): string {
  if (http === null) return "None: delivered in a redirect or shown on a page";
  const text = statusTexts[http];
  return text ? `${http} ${text}` : String(http);
}

function fold(code: string): string {
  return code.trim().toLowerCase();
}

function formatPath(path: readonly PropertyKey[]): string {
  let field = "";
  for (const part of path) {
    if (typeof part === "number") field += `[${part}]`;
    else field += field ? `.${String(part)}` : String(part);
  }
  return field || "(file)";
}

/** The id of the definition an issue points into, read from the raw input, for a clearer message. */
function definitionIdAt(json: unknown, path: readonly PropertyKey[]): string | undefined {
  const [first, index] = path;
  if (first !== "codes" || typeof index !== "number") return undefined;
  if (typeof json !== "object" || json === null || !("codes" in json)) return undefined;
  const codes: unknown = json.codes;
  if (!Array.isArray(codes)) return undefined;
  const item: unknown = codes[index];
  if (typeof item !== "object" || item === null || !("id" in item)) return undefined;
  return typeof item.id === "string" ? item.id : undefined;
}

function toProblems(json: unknown, error: z.ZodError, file: string): CodeProblem[] {
  return error.issues.map((issue) => {
    const id = definitionIdAt(json, issue.path);
    const field = formatPath(issue.path);
    const onDefinition = id && issue.path.length > 2 ? ` (in "${id}")` : "";
    return { file, field, message: `${issue.message}${onDefinition}` };
  });
}

export function formatCodeProblem(problem: CodeProblem): string {
  return `${problem.file}: ${problem.field}: ${problem.message}`;
}

export function buildCodeReference(definitions: readonly CodeDefinition[]): CodeReference {
  const byCode = new Map<string, CodeDefinition[]>();
  const byFoldedCode = new Map<string, CodeDefinition[]>();
  for (const definition of definitions) {
    byCode.set(definition.code, [...(byCode.get(definition.code) ?? []), definition]);
    const folded = fold(definition.code);
    byFoldedCode.set(folded, [...(byFoldedCode.get(folded) ?? []), definition]);
  }
  const names = [...byCode.keys()].sort((a, b) => fold(a).localeCompare(fold(b)) || a.localeCompare(b));
  return { definitions, names, byCode, byFoldedCode };
}

/** Validates the parsed contents of `content/codes.json`; problems read `file: field: problem`. */
export function parseCodes(json: unknown, file: string = codesFile): ParseCodesResult {
  const parsed = codesFileSchema.safeParse(json);
  if (!parsed.success) return { ok: false, problems: toProblems(json, parsed.error, file) };
  return { ok: true, reference: buildCodeReference(parsed.data.codes) };
}

export function getCodeNames(reference: CodeReference): readonly string[] {
  return reference.names;
}

/**
 * Every definition of a code. Exact match first (codes are case-sensitive as returned); if none,
 * a case-insensitive match, so `INVALID_CLIENT` or `aadsts50011` still resolve. Empty when unknown.
 */
export function lookupCode(reference: CodeReference, code: string): readonly CodeDefinition[] {
  const trimmed = code.trim();
  return reference.byCode.get(trimmed) ?? reference.byFoldedCode.get(fold(trimmed)) ?? [];
}

/** Fragment that identifies one definition on its code page: the part of the id after `@`. */
export function definitionAnchor(definition: Pick<CodeDefinition, "id">): string {
  return definition.id.slice(definition.id.lastIndexOf("@") + 1);
}

export function isKnownCode(reference: CodeReference, code: string): boolean {
  return reference.byCode.has(code);
}

/**
 * Turns a `/codes/<code>` URL segment into a code: percent-decoded (safe to call on an already
 * decoded value, since no code contains `%`) and trimmed. Undefined for malformed or empty input.
 */
export function normalizeCodeParam(segment: string): string | undefined {
  let value = segment;
  if (value.includes("%")) {
    try {
      value = decodeURIComponent(value);
    } catch {
      return undefined;
    }
  }
  value = value.trim();
  if (value.length === 0 || value.length > 100) return undefined;
  return value;
}

export type SourceGroup = { source: CodeSource; label: string; definitions: CodeDefinition[] };

/** Definitions grouped by source in display order, each group sorted by code. */
export function groupBySource(reference: CodeReference): SourceGroup[] {
  return sourceOrder
    .map((source) => ({
      source,
      label: sourceLabels[source],
      definitions: reference.definitions
        .filter((definition) => definition.source === source)
        .sort((a, b) => fold(a.code).localeCompare(fold(b.code)) || a.id.localeCompare(b.id)),
    }))
    .filter((group) => group.definitions.length > 0);
}

/** Catalogue entries whose `codes` frontmatter carries this exact code. */
export function entriesForCode<T extends { codes: readonly string[] }>(entries: readonly T[], code: string): T[] {
  return entries.filter((entry) => entry.codes.includes(code));
}
