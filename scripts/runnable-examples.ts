// `tsx --conditions=react-server scripts/runnable-examples.ts [--json]`: the catalogue's runnable
// examples, read through the same strict loader as the build. `--json` is what the end-to-end
// runner (tests/e2e/runnable-examples.spec.ts) reads; without it, the per-entry report.
import { parseArgs } from "node:util";
import { ContentError, getCatalogue } from "../lib/content/catalogue.server";
import { formatProblem } from "../lib/content/check";
import { formatRunnableReport } from "../lib/content/runnable-report";

const { values } = parseArgs({ options: { json: { type: "boolean", default: false } } });
const catalogue = await getCatalogue().catch((error: unknown) => {
  if (!(error instanceof ContentError)) throw error;
  for (const problem of error.problems) console.error(formatProblem(problem));
  console.error(`\n${error.message}`);
  process.exit(1);
});
if (values.json) {
  const entries = catalogue.entries
    .filter((entry) => entry.runnable.examples.length > 0)
    .map((entry) => ({ slug: entry.slug, file: entry.file, examples: entry.runnable.examples }));
  process.stdout.write(`${JSON.stringify({ entries })}\n`);
} else {
  console.log(formatRunnableReport(catalogue.entries));
}
