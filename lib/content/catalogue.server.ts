// Loads the catalogue once: read every entry, validate frontmatter, compile MDX, cross-check
// slugs/aliases/related/codes, sort. Every page, API and export reads the object built here.
import "server-only";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import matter from "gray-matter";
import { load as loadYaml, JSON_SCHEMA } from "js-yaml";
import { compileEntry } from "./compile.server";
import type { Catalogue, Entry } from "./entry";
import { areasSchema, frontmatterSchema, type Area, type Frontmatter } from "./schema";
import { codesFile, parseCodes } from "../codes";
import { checkCatalogue, formatIssuePath, type CheckableEntry, type ContentProblem } from "./check";
import { checkExampleCoverage, mockIdpReproduces, type ExampleCoverage } from "./runnable";
import { checkMessages, librariesFile, librariesSchema, type Library } from "./libraries";
import { mockIdpScenarios } from "../mock-idp/scenarios";

export type LoadOptions = {
  /** Project root holding `content/`. */
  root?: string;
  /** Where compiled entries are cached; `false` disables the cache. */
  cacheDir?: string | false;
  /** Known error codes; when given, every entry code must be one of them. */
  knownCodes?: ReadonlySet<string>;
};

export type LoadResult =
  | { ok: true; catalogue: Catalogue; stats: { entries: number; compiled: number; cached: number } }
  | { ok: false; problems: ContentProblem[] };

/** `frontmatter` is missing when it was invalid; the body is still compiled to report its problems too. */
type ParsedEntry = { file: string; frontmatter?: Frontmatter; source: string };

async function listEntryFiles(entriesDir: string): Promise<string[]> {
  const found: string[] = [];
  const dirents = await readdir(entriesDir, { withFileTypes: true, recursive: true }).catch(() => []);
  for (const dirent of dirents) {
    if (dirent.isFile() && dirent.name.endsWith(".mdx")) {
      found.push(path.join(dirent.parentPath, dirent.name));
    }
  }
  return found.sort();
}

async function loadAreas(root: string, problems: ContentProblem[]): Promise<Area[]> {
  const file = "content/areas.json";
  let json: unknown;
  try {
    json = JSON.parse(await readFile(/* turbopackIgnore: true */ path.join(root, file), "utf8"));
  } catch (error) {
    problems.push({ file, field: "(file)", message: `cannot read areas: ${error instanceof Error ? error.message : String(error)}` });
    return [];
  }
  const parsed = areasSchema.safeParse(json);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push({ file, field: formatIssuePath(issue.path), message: issue.message });
    }
    return [];
  }
  return [...parsed.data].sort((a, b) => a.order - b.order);
}

/** content/libraries.json; a tree without one (a test fixture) skips the message-source check. */
async function loadLibraries(root: string, problems: ContentProblem[]): Promise<Library[] | undefined> {
  let text: string;
  try {
    text = await readFile(/* turbopackIgnore: true */ path.join(root, librariesFile), "utf8");
  } catch {
    return undefined;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    problems.push({ file: librariesFile, field: "(file)", message: `not valid JSON: ${error instanceof Error ? error.message : String(error)}` });
    return undefined;
  }
  const parsed = librariesSchema.safeParse(json);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push({ file: librariesFile, field: formatIssuePath(issue.path), message: issue.message });
    return undefined;
  }
  return parsed.data;
}

async function parseEntryFile(root: string, absolute: string, problems: ContentProblem[]): Promise<ParsedEntry> {
  const file = path.relative(root, absolute).split(path.sep).join("/");
  const source = await readFile(absolute, "utf8");
  let data: unknown;
  try {
    // JSON schema: dates stay strings, so an impossible date is reported instead of rolled over.
    data = matter(source, { engines: { yaml: (text: string) => loadYaml(text, { schema: JSON_SCHEMA }) ?? {} } }).data;
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
    problems.push({ file, field: "frontmatter", message: `YAML does not parse: ${message}` });
    return { file, source };
  }
  const parsed = frontmatterSchema.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push({ file, field: formatIssuePath(issue.path), message: issue.message });
    }
    return { file, source };
  }
  return { file, frontmatter: parsed.data, source };
}

/** Runs `task` over `items` with at most `limit` in flight, keeping the order of results. */
async function mapLimit<T, R>(items: T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  async function worker() {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export async function loadCatalogue(options: LoadOptions = {}): Promise<LoadResult> {
  const root = options.root ?? process.cwd();
  const cacheDir = options.cacheDir === false ? undefined : (options.cacheDir ?? path.join(root, ".cache", "content"));
  const problems: ContentProblem[] = [];
  const areas = await loadAreas(root, problems);
  const files = await listEntryFiles(path.join(root, "content", "entries"));
  if (files.length === 0) {
    problems.push({ file: "content/entries", field: "(folder)", message: "no .mdx entries found" });
  }

  const parsed = await Promise.all(files.map((file) => parseEntryFile(root, file, problems)));

  let compiledCount = 0;
  let cachedCount = 0;
  const entries: Entry[] = [];
  const linksByFile = new Map<string, Array<{ slug: string; line?: number }>>();
  const compiled = await mapLimit(parsed, 4, (entry) => compileEntry(entry.source, { cacheDir }));
  const checkable: CheckableEntry[] = [];
  const coverage: ExampleCoverage[] = [];
  parsed.forEach((entry, index) => {
    const result = compiled[index];
    if (result && !result.ok) {
      for (const problem of result.problems) {
        problems.push({ file: entry.file, field: problem.field, message: problem.message, line: problem.line });
      }
    }
    if (!entry.frontmatter) return;
    const { slug: explicitSlug, ...frontmatter } = entry.frontmatter;
    const slug = explicitSlug ?? path.basename(entry.file, ".mdx");
    // Entries whose body failed still take part in the cross-entry checks, so one run reports all.
    checkable.push({ ...frontmatter, slug, file: entry.file });
    if (!result?.ok) return;
    if (result.cached) cachedCount++;
    else compiledCount++;
    linksByFile.set(entry.file, result.compiled.links);
    const { examples, unmarked, mockIdpLine } = result.compiled.runnable;
    const scenarios = mockIdpScenarios.filter((scenario) => scenario.entry === slug).map((scenario) => scenario.name);
    coverage.push({ file: entry.file, examples, scenarios, mockIdpLine });
    const runnable = { examples, unmarked, reproducedBy: mockIdpReproduces({ scenarios, mockIdpLine }) };
    entries.push({ ...frontmatter, ...result.compiled.body, slug, file: entry.file, code: result.compiled.code, runnable });
  });

  problems.push(...checkCatalogue({ areas, entries: checkable, linksByFile, knownCodes: options.knownCodes }));
  problems.push(...checkExampleCoverage(coverage));
  const libraries = await loadLibraries(root, problems);
  if (libraries) problems.push(...checkMessages(libraries, entries));
  if (problems.length > 0) return { ok: false, problems };

  const areaOrder = new Map(areas.map((area, index) => [area.id, index]));
  entries.sort(
    (a, b) =>
      (areaOrder.get(a.area) ?? 0) - (areaOrder.get(b.area) ?? 0) ||
      a.rank - b.rank ||
      a.title.localeCompare(b.title),
  );
  const bySlug = new Map(entries.map((entry) => [entry.slug, entry]));
  const aliases = new Map(entries.flatMap((entry) => entry.aliases.map((alias): [string, string] => [alias, entry.slug])));
  return {
    ok: true,
    catalogue: { areas, entries, bySlug, aliases },
    stats: { entries: entries.length, compiled: compiledCount, cached: cachedCount },
  };
}

export class ContentError extends Error {
  readonly problems: ContentProblem[];
  constructor(problems: ContentProblem[]) {
    super(`The content has ${problems.length} problem(s); run \`npm run check:content\` for the list.`);
    this.name = "ContentError";
    this.problems = problems;
  }
}

let cataloguePromise: Promise<Catalogue> | undefined;

/** The site's catalogue, loaded once per process. Throws (failing the build) on bad content. */
export function getCatalogue(): Promise<Catalogue> {
  cataloguePromise ??= loadKnownCodes().then(({ codes, problems }) => {
    if (problems.length > 0) throw new ContentError(problems);
    return loadCatalogue({ knownCodes: codes }).then((result) => {
      if (!result.ok) throw new ContentError(result.problems);
      return result.catalogue;
    });
  });
  return cataloguePromise;
}

/**
 * The codes defined in the error-code reference (`content/codes.json`), so entries can only cite
 * codes it defines. A tree without the file (e.g. a test fixture) skips that check.
 */
export async function loadKnownCodes(root: string = process.cwd()): Promise<{ codes?: ReadonlySet<string>; problems: ContentProblem[] }> {
  const text = await readFile(path.join(/* turbopackIgnore: true */ root, codesFile), "utf8").catch(() => undefined);
  if (text === undefined) return { problems: [] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { problems: [{ file: codesFile, field: "(file)", message: `not valid JSON: ${error instanceof Error ? error.message : String(error)}` }] };
  }
  const result = parseCodes(json);
  if (!result.ok) return { problems: result.problems };
  return { codes: new Set(result.reference.names), problems: [] };
}
