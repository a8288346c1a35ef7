// One way to turn zod issues into a sentence: `field: problem; other.field: problem`.
import type { z } from "zod";
import { formatIssuePath } from "@/lib/content/check";

export function formatZodIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues.map((issue) => `${issue.path.length === 0 ? "input" : formatIssuePath(issue.path)}: ${issue.message}`).join("; ");
}
