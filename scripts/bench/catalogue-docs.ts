// Search documents from the real catalogue, for the benchmark and the recall test. Uses the site's
// loader; while other writers leave the catalogue briefly inconsistent (a `related` slug that does
// not exist yet), it falls back to the same per-file steps (frontmatter schema + MDX compile) and
// skips only the files that do not compile, and says so.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import matter from "gray-matter";
import { loadCatalogue, loadKnownCodes } from "@/lib/content/catalogue.server";
import { compileEntry } from "@/lib/content/compile.server";
import { frontmatterSchema } from "@/lib/content/schema";
import { getCodeReference } from "@/lib/codes/reference";
import { librariesSchema } from "@/lib/content/libraries";
import { toCatalogueSearchDocs, type SearchableEntry, type SearchDoc } from "@/lib/search/documents";

export type CatalogueDocs = {
  docs: SearchDoc[];
  /** `catalogue`: loaded exactly as the site does; `lenient`: per file, cross-checks skipped. */
  source: "catalogue" | "lenient";
  problems: string[];
};

export async function loadCatalogueDocs(root: string = process.cwd()): Promise<CatalogueDocs> {
  const known = await loadKnownCodes(root);
  const strict = await loadCatalogue({ root, knownCodes: known.codes });
  // The same documents as the site's index (lib/search/index.server.ts): entries, then uncited codes.
  const codes = getCodeReference().definitions;
  // Which library prints each message, as the site's index knows it (the library filter).
  const libraries = librariesSchema.safeParse(JSON.parse(await readFile(path.join(root, "content", "libraries.json"), "utf8").catch(() => "[]")));
  const knownLibraries = libraries.success ? libraries.data : [];
  if (strict.ok) {
    const { entries } = strict.catalogue;
    return { docs: toCatalogueSearchDocs(entries, knownLibraries, codes), source: "catalogue", problems: [] };
  }

  const problems = strict.problems.map((problem) => `${problem.file}: ${problem.field}: ${problem.message}`);
  const entriesDir = path.join(root, "content", "entries");
  const files = (await readdir(entriesDir, { recursive: true, withFileTypes: true }))
    .filter((dirent) => dirent.isFile() && dirent.name.endsWith(".mdx"))
    .map((dirent) => path.join(dirent.parentPath, dirent.name))
    .sort();
  const entries: SearchableEntry[] = [];
  for (const file of files) {
    const source = await readFile(file, "utf8");
    const frontmatter = frontmatterSchema.safeParse(matter(source).data);
    if (!frontmatter.success) continue;
    const compiled = await compileEntry(source, { cacheDir: path.join(root, ".cache", "content") });
    if (!compiled.ok) continue;
    const { slug, ...rest } = frontmatter.data;
    entries.push({ ...rest, ...compiled.compiled.body, slug: slug ?? path.basename(file, ".mdx") });
  }
  return { docs: toCatalogueSearchDocs(entries, knownLibraries, codes), source: "lenient", problems };
}
