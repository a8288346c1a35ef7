// `npm run anchors:update [-- --root <dir>] [--drop <anchor>]…`: records the anchors published now
// in content/anchors.lock and keeps every older one that still resolves through an alias. While a
// locked anchor no longer resolves it writes nothing and prints the alias to add; `--drop` retires
// one for good (an entry anchor takes its cause anchors with it). Exit 0 written or unchanged,
// 1 refused, 2 bad usage.
import path from "node:path";
import { parseArgs } from "node:util";
import { anchorsLockFile } from "../lib/content/anchors";
import { updateAnchorsLock } from "../lib/content/check-content.server";
import { formatProblem } from "../lib/content/check";

const usage = "usage: npm run anchors:update [-- --root <project dir>] [--drop <anchor>]…";
let root: string;
let drop: string[];
try {
  const { values } = parseArgs({ options: { root: { type: "string" }, drop: { type: "string", multiple: true } } });
  root = path.resolve(values.root ?? process.cwd());
  drop = values.drop ?? [];
} catch (error) {
  console.error(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
  process.exit(2);
}

const result = await updateAnchorsLock(root, { drop });
const prefix = path.relative(process.cwd(), root);
const shown = (file: string) => (prefix ? path.join(prefix, file) : file);

if (!result.ok) {
  for (const problem of result.problems) console.error(formatProblem({ ...problem, file: shown(problem.file) }));
  console.error(
    `\n${shown(anchorsLockFile)} not written: ${result.problems.length} problem(s). ` +
      // Anchors are only compared once every entry reads: a broken file is fixed, not aliased.
      ("contentInvalid" in result
        ? "Fix the content problems above and run this again."
        : "A published link must keep working: add the aliases above and run this again. Only for a page retired for good, " +
          "with nothing to send its readers to: npm run anchors:update -- --drop <anchor>"),
  );
  process.exit(1);
}
for (const request of result.ignored) console.error(`--drop ${request}: kept, it still resolves (or is not in the lock)`);
for (const anchor of result.dropped) console.log(`dropped ${anchor}`);
for (const anchor of result.added) console.log(`added   ${anchor}`);
const summary = {
  created: `created with ${result.added.length} anchors: commit it`,
  updated: `updated (${result.added.length} added, ${result.dropped.length} dropped): commit it`,
  unchanged: "is up to date",
};
console.log(`${shown(anchorsLockFile)} ${summary[result.written ?? "unchanged"]}`);
