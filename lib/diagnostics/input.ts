// Input parsing shared by every diagnostic: zod schemas in, a result out (never a throw), and
// the one 4xx error body the API, the CLI and the MCP server report.
import { z } from "zod";
import { formatZodIssues } from "@/lib/zod-issues";

/** The API's error body: `error` is a stable code, `message` says what was wrong and what to do. */
export type DiagnosticError = { error: string; message: string };

export type ParseResult<T> = { ok: true; input: T } | { ok: false; error: DiagnosticError };

/** The longest URL a diagnostic accepts (longer ones are refused before anything is fetched). */
export const maxUrlLength = 2048;

/** An absolute http(s) URL as typed by a user; the scheme rules are the checks' and the guard's job. */
export const userUrlSchema = z
  .string()
  .trim()
  .min(1, "is empty; paste the URL")
  .max(maxUrlLength, `is longer than ${maxUrlLength} characters`)
  .refine((value) => URL.canParse(value), "is not an absolute URL (expected e.g. https://idp.example.com)");

/** Reads a query string or a JSON body into a plain object (repeated keys become arrays). */
export function toRecord(source: URLSearchParams | unknown): unknown {
  if (!(source instanceof URLSearchParams)) return source;
  const record: Record<string, string | string[]> = {};
  for (const key of new Set(source.keys())) {
    const values = source.getAll(key);
    record[key] = values.length === 1 ? (values[0] ?? "") : values;
  }
  return record;
}

/**
 * `errorCode` lets a tool keep a more specific documented code than `invalid_request` (it gets
 * the first issue; undefined keeps the default).
 */
export function parseWith<T>(
  schema: z.ZodType<T>,
  source: URLSearchParams | unknown,
  tool: string,
  options: { errorCode?: (issue: z.core.$ZodIssue) => string | undefined } = {},
): ParseResult<T> {
  const parsed = schema.safeParse(toRecord(source));
  if (parsed.success) return { ok: true, input: parsed.data };
  const first = parsed.error.issues[0];
  const error = (first === undefined ? undefined : options.errorCode?.(first)) ?? "invalid_request";
  return { ok: false, error: { error, message: `${tool}: ${formatZodIssues(parsed.error.issues)}` } };
}

/** JSON text that holds an object, as a plain record; null for anything else. */
export function parseJsonObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value) ? Object.fromEntries(Object.entries(value)) : null;
  } catch {
    return null;
  }
}
