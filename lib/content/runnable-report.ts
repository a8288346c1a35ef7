// The runnable-examples report of `npm run check:content -- --runnable`: one total line, then
// per entry how many blocks run against the bundled mock IdP and in which role.
import type { Entry } from "./entry";
import { exampleRoles, type ExampleRole } from "./runnable";

type ReportEntry = Pick<Entry, "slug" | "area" | "runnable">;

function countRoles(entries: readonly ReportEntry[]): Record<ExampleRole, number> {
  const counts: Record<ExampleRole, number> = { check: 0, failure: 0, fixed: 0 };
  for (const entry of entries) for (const example of entry.runnable.examples) counts[example.role] += 1;
  return counts;
}

function describeRoles(counts: Record<ExampleRole, number>): string {
  return exampleRoles
    .filter((role) => counts[role] > 0)
    .map((role) => `${counts[role]} ${role}`)
    .join(", ");
}

export function formatRunnableTotal(entries: readonly ReportEntry[]): string {
  const total = entries.reduce((sum, entry) => sum + entry.runnable.examples.length, 0);
  const withExamples = entries.filter((entry) => entry.runnable.examples.length > 0).length;
  const reproduced = entries.filter((entry) => entry.runnable.reproducedBy !== undefined).length;
  const unmarked = entries.reduce((sum, entry) => sum + entry.runnable.unmarked, 0);
  const roles = describeRoles(countRoles(entries));
  return (
    `runnable examples: ${total} block(s) in ${withExamples} of ${entries.length} entries${roles ? ` (${roles})` : ""}; ` +
    `${reproduced} entries are reproduced by the bundled mock IdP; ${unmarked} shell block(s) call localhost:3000 without being runnable`
  );
}

/** The total line, then one line per entry (`-` for none): count, roles, and why the mock IdP covers it. */
export function formatRunnableReport(entries: readonly ReportEntry[]): string {
  const width = Math.max(...entries.map((entry) => entry.area.length + entry.slug.length + 1), 10);
  const lines = entries.map((entry) => {
    const { examples, unmarked, reproducedBy } = entry.runnable;
    const name = `${entry.area}/${entry.slug}`.padEnd(width);
    const count = String(examples.length || "-").padStart(2);
    const roles = describeRoles(countRoles([entry]));
    const notes = [roles, unmarked > 0 ? `${unmarked} unmarked` : "", reproducedBy ? `reproduced: ${reproducedBy}` : ""].filter(Boolean);
    return `  ${name}  ${count}${notes.length > 0 ? `  ${notes.join("; ")}` : ""}`;
  });
  return [formatRunnableTotal(entries), ...lines].join("\n");
}
