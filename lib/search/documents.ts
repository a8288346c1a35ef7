// What search needs to know about an entry: a plain-data subset of `Entry`, so the index can be
// built in Node at build time and shipped to the browser as JSON.
import type { Entry } from "@/lib/content/entry";
import { libraryForSource, type Library } from "@/lib/content/libraries";
import { normalizeCode } from "./normalize";
import { codeUrl, entryUrl } from "@/lib/urls";

export type SearchCause = { id: string; title: string; text: string };

export type SearchDoc = {
  /** `code`: an error code from the reference that no entry cites, so it still gets found. */
  kind: "entry" | "code";
  slug: string;
  title: string;
  area: string;
  summary: string;
  url: string;
  codes: string[];
  http: number[];
  /** Verbatim error strings that mean this entry. */
  messages: string[];
  /** Per message, the id of the library that prints it (`content/libraries.json`), "" when unknown. */
  libraries?: string[];
  /** Words naming the product or vendor the entry is about (see `specific_to` in the content schema). */
  specificTo: string[];
  tags: string[];
  symptom: string;
  causes: SearchCause[];
  fix: string;
  rank: number;
};

export type SearchableEntry = Pick<
  Entry,
  "slug" | "title" | "area" | "summary" | "codes" | "http" | "messages" | "specific_to" | "tags" | "symptom" | "causes" | "fix" | "rank"
>;

/**
 * `libraries` (content/libraries.json) names the library of each message, for the library filter.
 * `vendorCodes` (lower case): codes a vendor defines (`AADSTS7000215`, not `invalid_client`); on a
 * product entry they name its product, like the words of `specific_to`.
 */
export function toSearchDoc(entry: SearchableEntry, libraries: readonly Library[], vendorCodes: ReadonlySet<string>): SearchDoc {
  const specificTo = entry.specific_to.length === 0 ? [] : [...entry.specific_to, ...entry.codes.map(normalizeCode).filter((code) => vendorCodes.has(code))];
  return {
    kind: "entry",
    slug: entry.slug,
    title: entry.title,
    area: entry.area,
    summary: entry.summary,
    url: entryUrl(entry.slug),
    codes: [...entry.codes],
    http: [...entry.http],
    messages: entry.messages.map((message) => message.text),
    libraries: entry.messages.map((message) => (message.source ? (libraryForSource(libraries, message.source)?.id ?? "") : "")),
    specificTo: [...new Set(specificTo)],
    tags: [...entry.tags],
    symptom: entry.symptom.text,
    causes: entry.causes.map((cause) => ({ id: cause.id, title: cause.title, text: cause.text })),
    fix: entry.fix.text,
    rank: entry.rank,
  };
}

/** The site's search documents: every entry, then the reference codes no entry cites. */
export function toCatalogueSearchDocs(entries: readonly SearchableEntry[], libraries: readonly Library[], codes: readonly SearchableCode[]): SearchDoc[] {
  // A vendor's own code: `AADSTS7000215`, not Keycloak's or Google's use of `invalid_client`.
  const standard = new Set(codes.filter((code) => code.source !== "vendor").map((code) => normalizeCode(code.code)));
  const vendorCodes = new Set(codes.map((code) => normalizeCode(code.code)).filter((code) => !standard.has(code)));
  return [...entries.map((entry) => toSearchDoc(entry, libraries, vendorCodes)), ...toCodeSearchDocs(codes, entries)];
}

/** The parts of an error-code definition search uses (see `lib/codes/schema.ts`). */
export type SearchableCode = { code: string; meaning: string; http: number | null; returned_at: string; source?: string; vendor?: string };

/**
 * Reference codes that no entry cites become documents of their own, one per code (the meanings
 * of a code returned in several places are merged), linking to `/codes/<code>`.
 */
export function toCodeSearchDocs(codes: readonly SearchableCode[], entries: readonly SearchableEntry[]): SearchDoc[] {
  const cited = new Set(entries.flatMap((entry) => entry.codes.map((code) => code.toLowerCase())));
  const byCode = new Map<string, SearchableCode[]>();
  for (const definition of codes) {
    if (cited.has(definition.code.toLowerCase())) continue;
    const list = byCode.get(definition.code) ?? [];
    list.push(definition);
    byCode.set(definition.code, list);
  }
  return [...byCode.entries()].map(([code, definitions]) => ({
    kind: "code",
    slug: code,
    title: code,
    area: "codes",
    summary: definitions[0]?.meaning ?? "",
    url: codeUrl(code),
    codes: [code],
    http: [...new Set(definitions.flatMap((definition) => (definition.http === null ? [] : [definition.http])))],
    messages: [],
    specificTo: [],
    tags: [...new Set(definitions.flatMap((definition) => [definition.returned_at.replace(/-/g, " "), definition.vendor ?? ""]))].filter(Boolean),
    symptom: definitions.slice(1).map((definition) => definition.meaning).join("\n"),
    causes: [],
    fix: "",
    rank: 100,
  }));
}
