// Cross-entry rules (areas, unique slugs and aliases, related slugs, links, codes) and the
// `file:line: field: problem` format every content error is reported in.
import type { Area } from "./schema";
import type { Entry } from "./entry";

export type ContentProblem = { file: string; field: string; message: string; line?: number };

export function formatIssuePath(issuePath: readonly PropertyKey[]): string {
  if (issuePath.length === 0) return "(frontmatter)";
  return issuePath
    .map((part, index) => (typeof part === "number" ? `[${part}]` : `${index === 0 ? "" : "."}${String(part)}`))
    .join("");
}

export function formatProblem(problem: ContentProblem): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  return `${where}: ${problem.field}: ${problem.message}`;
}

export type CheckableEntry = Pick<Entry, "slug" | "file" | "area" | "aliases" | "related" | "codes">;

type CheckInput = {
  areas: Area[];
  entries: CheckableEntry[];
  linksByFile: ReadonlyMap<string, Array<{ slug: string; line?: number }>>;
  knownCodes?: ReadonlySet<string>;
};

export function checkCatalogue({ areas, entries, linksByFile, knownCodes }: CheckInput): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const areaIds = new Set(areas.map((area) => area.id));
  const claimed = new Map<string, string>(); // slug or alias → file that claimed it first

  function claim(name: string, file: string, field: string) {
    const owner = claimed.get(name);
    if (owner) {
      problems.push({ file, field, message: `"${name}" is already used as a slug or alias by ${owner}: choose another` });
    } else {
      claimed.set(name, file);
    }
  }

  for (const entry of entries) {
    if (!areaIds.has(entry.area)) {
      problems.push({ file: entry.file, field: "area", message: `unknown area "${entry.area}": use one of ${[...areaIds].join(", ")} (content/areas.json)` });
    }
    const folder = entry.file.split("/").at(-2);
    if (areaIds.has(entry.area) && folder !== entry.area) {
      problems.push({ file: entry.file, field: "area", message: `area "${entry.area}" does not match the folder "${folder}": move the file to content/entries/${entry.area}/` });
    }
    claim(entry.slug, entry.file, "slug");
  }
  for (const entry of entries) {
    entry.aliases.forEach((alias, index) => claim(alias, entry.file, `aliases[${index}]`));
  }

  const slugs = new Set(entries.map((entry) => entry.slug));
  for (const entry of entries) {
    entry.related.forEach((slug, index) => {
      if (slug === entry.slug) {
        problems.push({ file: entry.file, field: `related[${index}]`, message: "an entry cannot be related to itself" });
      } else if (!slugs.has(slug)) {
        problems.push({ file: entry.file, field: `related[${index}]`, message: `unknown slug "${slug}": use the slug of an existing entry` });
      }
    });
    for (const link of linksByFile.get(entry.file) ?? []) {
      if (!slugs.has(link.slug)) {
        problems.push({ file: entry.file, field: "body", line: link.line, message: `link to unknown entry /troubleshooting/${link.slug}` });
      }
    }
    if (knownCodes) {
      entry.codes.forEach((code, index) => {
        if (!knownCodes.has(code)) {
          problems.push({ file: entry.file, field: `codes[${index}]`, message: `"${code}" is not in content/codes.json: add it to the error-code reference or fix the spelling` });
        }
      });
    }
  }
  return problems;
}
