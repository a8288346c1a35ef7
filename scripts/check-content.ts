// `npm run check:content [-- --root <dir>] [--runnable]`: validates every entry and the anchors lock
// without building the site. Prints one `file:line: field: problem` line per mistake and exits 1 if
// there is any, 2 on bad usage. `--runnable` adds the runnable-examples report (per entry).
import path from "node:path";
import { parseArgs } from "node:util";
import { checkContent } from "../lib/content/check-content.server";
import { formatProblem } from "../lib/content/check";
import { loadCatalogue, loadKnownCodes } from "../lib/content/catalogue.server";
import { formatRunnableReport, formatRunnableTotal } from "../lib/content/runnable-report";

let root: string;
let runnableReport = false;
try {
  const { values } = parseArgs({ options: { root: { type: "string" }, runnable: { type: "boolean", default: false } } });
  root = path.resolve(values.root ?? process.cwd());
  runnableReport = values.runnable;
} catch (error) {
  console.error(`${error instanceof Error ? error.message : String(error)}\nusage: npm run check:content [-- --root <project dir>] [--runnable]`);
  process.exit(2);
}

const started = performance.now();
const result = await checkContent(root);
const elapsed = Math.round(performance.now() - started);

if (!result.ok) {
  // Paths are relative to the content root; print them relative to where the command runs.
  const prefix = path.relative(process.cwd(), root);
  for (const problem of result.problems) {
    console.error(formatProblem({ ...problem, file: prefix ? path.join(prefix, problem.file) : problem.file }));
  }
  console.error(`\n${result.problems.length} content problem(s). Fix them and run npm run check:content again.`);
  process.exit(1);
}
const { entries, compiled, cached, anchors } = result.stats;
console.log(`content ok: ${entries} entries (${compiled} compiled, ${cached} from cache), ${anchors} published anchors resolve, in ${elapsed} ms`);

// The checked content loads again from the compile cache, so this costs no compilation.
const loaded = await loadCatalogue({ root, knownCodes: (await loadKnownCodes(root)).codes });
if (loaded.ok) console.log(runnableReport ? formatRunnableReport(loaded.catalogue.entries) : formatRunnableTotal(loaded.catalogue.entries));
