// `npm run check:content`: validates every entry without building the site.
// Prints one `file:line: field: problem` line per mistake and exits 1 if there is any.
import { loadCatalogue, loadKnownCodes } from "../lib/content/catalogue.server";
import { formatProblem } from "../lib/content/check";

const started = performance.now();
const result = await loadCatalogue({ knownCodes: await loadKnownCodes() });
const elapsed = Math.round(performance.now() - started);

if (!result.ok) {
  for (const problem of result.problems) console.error(formatProblem(problem));
  console.error(`\n${result.problems.length} content problem(s). Fix them and run npm run check:content again.`);
  process.exit(1);
}
const { entries, compiled, cached } = result.stats;
console.log(`content ok: ${entries} entries (${compiled} compiled, ${cached} from cache) in ${elapsed} ms`);
