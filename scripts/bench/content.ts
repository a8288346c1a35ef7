// `npm run bench:content`: how long the content pipeline (`loadCatalogue`: read, validate, compile
// MDX, cross-check, sort) takes with an empty compile cache (cold) and with every entry cached
// (warm), at the real size and at 1,000 entries. The 1,000 are the real entries plus variants of
// them in a temporary content tree: each variant is its own file and slug, with its own title,
// messages and a sentence of its own, so its source (the cache key) differs from every other.
// Both runs of a size happen in this one process, real first, as `npm run build` does its one
// load; the cold real run so includes starting the highlighter. No bar: the table reports seconds.
// `--real-only` skips the 1,000 entries.
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadCatalogue, loadKnownCodes } from "@/lib/content/catalogue.server";
import { failed, printRows, reported, type BenchRow } from "./rows";
import { isMain } from "./server";

const projectRoot = process.cwd();

async function entryFiles(root: string): Promise<string[]> {
  const dirents = await readdir(path.join(root, "content", "entries"), { recursive: true, withFileTypes: true });
  return dirents.filter((dirent) => dirent.isFile() && dirent.name.endsWith(".mdx")).map((dirent) => path.join(dirent.parentPath, dirent.name)).sort();
}

/** One variant of a real entry: new title and messages, no aliases (they must stay unique), one extra sentence. */
export function toVariant(source: string, n: number): string {
  const [, frontmatter = "", body = ""] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source) ?? [];
  const changed = frontmatter
    .replace(/^title: (["']?)(.*?)\1$/m, (_line, quote: string, title: string) => `title: ${quote}${title} (variant ${n})${quote}`)
    .replace(/^aliases: .*$/m, "aliases: []")
    .replace(/^(\s+- text: )(["'])(.*)\2$/gm, (_line, prefix: string, quote: string, text: string) => `${prefix}${quote}${text} [variant ${n}]${quote}`);
  const sentence = `This variant (number ${n}) is generated for the content benchmark.\n\n`;
  return `---\n${changed}\n---\n${body.replace(/^## Symptom\n\n/m, (heading) => `${heading}${sentence}`)}`;
}

/** A content tree with the real areas, codes and libraries and `size` entries. */
async function buildSyntheticTree(size: number): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), "bench-content-"));
  await mkdir(path.join(root, "content"), { recursive: true });
  for (const file of ["areas.json", "codes.json", "libraries.json"]) {
    await cp(path.join(projectRoot, "content", file), path.join(root, "content", file)).catch(() => undefined);
  }
  const real = await entryFiles(projectRoot);
  await cp(path.join(projectRoot, "content", "entries"), path.join(root, "content", "entries"), { recursive: true });
  const sources = await Promise.all(real.map((file) => readFile(file, "utf8")));
  for (let n = real.length; n < size; n++) {
    const index = n % real.length;
    const file = real[index] ?? "";
    const target = path.join(root, path.relative(projectRoot, file).replace(/\.mdx$/, `-variant-${n}.mdx`));
    await writeFile(target, toVariant(sources[index] ?? "", n));
  }
  return root;
}

type Timed = { seconds: number; entries: number; compiled: number; cached: number } | { problems: string[] };

async function timeLoad(root: string, cacheDir: string): Promise<Timed> {
  const started = performance.now();
  const known = await loadKnownCodes(root);
  const result = await loadCatalogue({ root, cacheDir, knownCodes: known.codes });
  const seconds = (performance.now() - started) / 1000;
  if (!result.ok) return { problems: result.problems.map((problem) => `${problem.file}: ${problem.field}: ${problem.message}`) };
  return { seconds, ...result.stats };
}

function toRow(metric: string, timed: Timed): BenchRow {
  if ("problems" in timed) return failed(metric, `${timed.problems.length} content problem(s), first: ${timed.problems[0] ?? "?"}`);
  return reported(metric, `${timed.seconds.toFixed(2)} s (${timed.compiled} compiled, ${timed.cached} cached)`);
}

/** `synthetic: false` measures the real catalogue only (the 1,000-entry cold build takes minutes). */
export async function measureContentBuild(options: { synthetic?: boolean } = {}): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const scratch = await mkdtemp(path.join(tmpdir(), "bench-content-cache-"));
  let syntheticRoot: string | undefined;
  try {
    // The project's own .cache/content is left alone: the cold run uses an empty cache of its own.
    const realCache = path.join(scratch, "real");
    const realEntries = (await entryFiles(projectRoot)).length;
    rows.push(toRow(`content build cold, real (${realEntries} entries)`, await timeLoad(projectRoot, realCache)));
    rows.push(toRow(`content build warm, real (${realEntries} entries)`, await timeLoad(projectRoot, realCache)));

    if (options.synthetic === false) return rows;
    syntheticRoot = await buildSyntheticTree(1000);
    const syntheticCache = path.join(scratch, "synthetic");
    rows.push(toRow("content build cold, 1,000 entries", await timeLoad(syntheticRoot, syntheticCache)));
    rows.push(toRow("content build warm, 1,000 entries", await timeLoad(syntheticRoot, syntheticCache)));
  } finally {
    await rm(scratch, { recursive: true, force: true });
    if (syntheticRoot) await rm(syntheticRoot, { recursive: true, force: true });
  }
  return rows;
}

if (isMain(import.meta.url)) {
  const rows = await measureContentBuild({ synthetic: !process.argv.includes("--real-only") });
  printRows("content pipeline (loadCatalogue), cold = empty compile cache, warm = everything cached", rows);
}
