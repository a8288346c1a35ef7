// `npm run check:content [-- --root <dir>]`: validates every entry without building the site.
// Prints one `file:line: field: problem` line per mistake and exits 1 if there is any, 2 on bad usage.
import path from "node:path";
import { parseArgs } from "node:util";
import { loadCatalogue, loadKnownCodes } from "../lib/content/catalogue.server";
import { formatProblem } from "../lib/content/check";

let root: string;
try {
  const { values } = parseArgs({ options: { root: { type: "string" } } });
  root = path.resolve(values.root ?? process.cwd());
} catch (error) {
  console.error(`${error instanceof Error ? error.message : String(error)}\nusage: npm run check:content [-- --root <project dir>]`);
  process.exit(2);
}

const started = performance.now();
const known = await loadKnownCodes(root);
const loaded = await loadCatalogue({ root, knownCodes: known.codes });
const result = known.problems.length > 0 ? { ok: false as const, problems: [...known.problems, ...(loaded.ok ? [] : loaded.problems)] } : loaded;
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
const { entries, compiled, cached } = result.stats;
console.log(`content ok: ${entries} entries (${compiled} compiled, ${cached} from cache) in ${elapsed} ms`);
