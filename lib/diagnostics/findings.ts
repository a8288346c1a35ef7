// The one shape every diagnostic reports in, and the result envelope every tool answers with.
// Browser-safe: widgets, API routes, the CLI and the MCP server all read these types.
import { z } from "zod";

export const findingStatuses = ["pass", "warn", "fail", "skip"] as const;
export type FindingStatus = (typeof findingStatuses)[number];

export const findingSchema = z.strictObject({
  /** Stable id of the rule, e.g. `discovery.issuer-match`. */
  id: z.string().min(1),
  status: z.enum(findingStatuses),
  /** What was seen, and what was expected. */
  message: z.string().min(1),
  /** The catalogue entry (with cause anchor) that explains a warn or fail. */
  entry: z.string().startsWith("/troubleshooting/").optional(),
  /** The specification section the rule comes from. */
  spec: z.string().optional(),
});

export type Finding = z.infer<typeof findingSchema>;

/** What every tool answers: `ok` is false as soon as one finding fails. */
export type ToolResult<Tool extends string = string> = { tool: Tool; ok: boolean; checks: Finding[] };

export function isOk(checks: readonly Finding[]): boolean {
  return checks.every((check) => check.status !== "fail");
}

export function finding(id: string, status: FindingStatus, message: string, extra: { entry?: string; spec?: string } = {}): Finding {
  return { id, status, message, ...(extra.entry ? { entry: extra.entry } : {}), ...(extra.spec ? { spec: extra.spec } : {}) };
}

/** Counts per status, for summaries ("12 pass, 1 warn, 0 fail"). */
export function countFindings(checks: readonly Finding[]): Record<FindingStatus, number> {
  const counts: Record<FindingStatus, number> = { pass: 0, warn: 0, fail: 0, skip: 0 };
  for (const check of checks) counts[check.status] += 1;
  return counts;
}
