// Builds the serialisable index (in Node at build time, or anywhere), checks fetched JSON, and
// opens an index: rebuilds the documents, vocabulary and postings the engine reads.
import { codeUrl, entryUrl } from "@/lib/urls";
import type { SearchDoc } from "./documents";
import { normalizeMessage, toDistinctTerms, toTermWords, toTerms } from "./normalize";
import { parseInput } from "./parse-input";
import { searchOptions as defaultOptions, type SearchOptions } from "./options";
import { field, searchIndexVersion, type IndexedDoc, type OpenedSearchIndex, type SearchIndex } from "./types";

export function buildSearchIndex(docs: readonly SearchDoc[], options: SearchOptions = defaultOptions): SearchIndex {
  // How many documents hold each term (any field): the long fields keep their rarest words.
  const documentFrequency = new Map<string, number>();
  for (const doc of docs) {
    const texts = [doc.title, doc.summary, doc.symptom, doc.fix, ...doc.codes, ...doc.messages, ...doc.tags, ...doc.causes.flatMap((cause) => [cause.title, cause.text])];
    for (const term of new Set(texts.flatMap(toTerms))) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  }
  const areas: string[] = [];
  const libraries: string[] = [];
  function indexOf(list: string[], value: string): number {
    const found = list.indexOf(value);
    if (found >= 0) return found;
    list.push(value);
    return list.length - 1;
  }
  const columns: SearchIndex["docs"] = {
    kind: docs.map((doc) => (doc.kind === "code" ? "c" : "e")).join(""),
    slug: [],
    title: [],
    area: [],
    areas,
    summary: [],
    codes: [],
    http: [],
    tags: [],
    rank: [],
    causes: [],
    specificTo: [],
    messages: [],
    messageLibraries: [],
    libraries,
    symptom: [],
    causeWords: [],
    fix: [],
  };
  const { symptomWords, causeWords, fixWords, messageWords } = options.shipped;
  for (const doc of docs) {
    const messages = doc.messages.map((message) => firstWords(templateOf(message), messageWords));
    const shipped = new Set(
      [doc.title, doc.summary, ...doc.codes, ...messages, ...doc.tags, ...doc.causes.map((cause) => cause.title)].flatMap(toTerms),
    );
    /** The `limit` rarest words of `text` whose terms the shipped fields do not hold. */
    function newWords(text: string, limit: number): string {
      if (limit <= 0) return "";
      const seen = new Set<string>();
      const words: Array<{ term: string; word: string }> = [];
      for (const item of toTermWords(text)) {
        if (shipped.has(item.term) || seen.has(item.term)) continue;
        seen.add(item.term);
        words.push(item);
      }
      return words
        .sort((a, b) => (documentFrequency.get(a.term) ?? 0) - (documentFrequency.get(b.term) ?? 0))
        .slice(0, limit)
        .map((item) => item.word)
        .join(" ");
    }
    columns.slug.push(doc.slug);
    columns.title.push(doc.title);
    columns.area.push(indexOf(areas, doc.area));
    columns.summary.push(doc.summary);
    columns.codes.push([...doc.codes]);
    columns.http.push([...doc.http]);
    columns.tags.push([...doc.tags]);
    columns.rank.push(doc.rank);
    columns.causes.push(doc.causes.flatMap((cause) => [cause.id, cause.title]));
    columns.specificTo.push([...doc.specificTo]);
    columns.messages.push(messages);
    columns.messageLibraries.push(doc.messages.map((_, at) => (doc.libraries?.[at] ? indexOf(libraries, doc.libraries[at] ?? "") : -1)));
    columns.symptom.push(newWords(doc.symptom, symptomWords));
    columns.causeWords.push(doc.causes.map((cause) => newWords(cause.text, causeWords)));
    columns.fix.push(newWords(doc.fix, fixWords));
  }
  return { version: searchIndexVersion, options, docs: columns };
}

/**
 * A message as a template, read the way a paste is read: a JSON error body or a WWW-Authenticate
 * challenge is its description (the line a paste of it yields), not its field names, which are the
 * same in every such message once the quoted values are left out.
 */
function templateOf(message: string): string {
  const parsed = parseInput(message);
  if (parsed.descriptions.length === 0) return normalizeMessage(message);
  return normalizeMessage([...parsed.descriptions, ...parsed.messageLines].join(" "));
}

/** The first `limit` words of a template: a paste holding the whole message still holds them. */
function firstWords(template: string, limit: number): string {
  let end = -1;
  for (let count = 0; count < limit; count++) {
    end = template.indexOf(" ", end + 1);
    if (end === -1) return template;
  }
  return template.slice(0, end);
}

/** The documents, sorted vocabulary, typo forms and postings of a shipped index (cheap: a tokeniser pass). */
export function openSearchIndex(index: SearchIndex): OpenedSearchIndex {
  const columns = index.docs;
  const postingsByTerm = new Map<string, number[]>();
  const formsByTerm = new Map<string, Set<string>>();
  const docs: IndexedDoc[] = [];
  for (let docId = 0; docId < columns.slug.length; docId++) {
    const kind = columns.kind[docId] === "c" ? "code" : "entry";
    const slug = columns.slug[docId] ?? "";
    const flatCauses = columns.causes[docId] ?? [];
    const causes: IndexedDoc["causes"] = [];
    for (let i = 0; i + 1 < flatCauses.length; i += 2) causes.push({ id: flatCauses[i] ?? "", title: flatCauses[i + 1] ?? "" });
    const libraryIds = columns.messageLibraries[docId] ?? [];
    const doc: IndexedDoc = {
      kind,
      slug,
      title: columns.title[docId] ?? "",
      area: columns.areas[columns.area[docId] ?? -1] ?? "",
      summary: columns.summary[docId] ?? "",
      url: kind === "code" ? codeUrl(slug) : entryUrl(slug),
      codes: columns.codes[docId] ?? [],
      http: columns.http[docId] ?? [],
      tags: columns.tags[docId] ?? [],
      rank: columns.rank[docId] ?? 0,
      causes,
      specificTo: columns.specificTo[docId] ?? [],
      messages: (columns.messages[docId] ?? []).map((norm, at) => {
        const library = columns.libraries[libraryIds[at] ?? -1];
        return { norm, size: toDistinctTerms(norm).length, ...(library ? { library } : {}) };
      }),
    };
    docs.push(doc);

    const seen = new Set<string>();
    function add(text: string, fieldId: number, sub: number): void {
      const slot = fieldId | (sub << 4);
      for (const { term, word } of toTermWords(text)) {
        if (word !== term) {
          const forms = formsByTerm.get(term);
          if (forms) forms.add(word);
          else formsByTerm.set(term, new Set([word]));
        }
        const key = `${slot}:${term}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const list = postingsByTerm.get(term);
        if (list) list.push(docId, slot);
        else postingsByTerm.set(term, [docId, slot]);
      }
    }
    add(doc.title, field.title, 0);
    for (const code of doc.codes) add(code, field.codes, 0);
    doc.messages.forEach((message, at) => add(message.norm, field.messages, at));
    add(columns.symptom[docId] ?? "", field.symptom, 0);
    // An entry's slug is its short name ("iss-mismatch", "clock-skew"): its words count as tags.
    add([...doc.tags, ...(kind === "entry" ? [slug.replace(/-/g, " ")] : [])].join("\n"), field.tags, 0);
    add(doc.summary, field.summary, 0);
    const causeWords = columns.causeWords[docId] ?? [];
    causes.forEach((cause, at) => {
      add(cause.title, field.causeTitle, at);
      add(causeWords[at] ?? "", field.causeText, at);
    });
    add(columns.fix[docId] ?? "", field.fix, 0);
  }
  const terms = [...postingsByTerm.keys()].sort();
  return {
    docs,
    terms,
    forms: terms.map((term) => [...(formsByTerm.get(term) ?? [])].sort().join(" ")),
    postings: terms.map((term) => postingsByTerm.get(term) ?? []),
  };
}

const columnNames = [
  "slug", "title", "area", "summary", "codes", "http", "tags", "rank", "causes", "specificTo", "messages", "messageLibraries", "symptom", "causeWords", "fix",
] as const;

/** Checks that fetched JSON is an index this code can read (the browser gets it over the network). */
export function isSearchIndex(value: unknown): value is SearchIndex {
  if (typeof value !== "object" || value === null) return false;
  if (!("version" in value) || value.version !== searchIndexVersion) return false;
  if (!("options" in value) || typeof value.options !== "object" || value.options === null) return false;
  if (!("docs" in value) || typeof value.docs !== "object" || value.docs === null) return false;
  const docs: object = value.docs;
  if (!("kind" in docs) || typeof docs.kind !== "string") return false;
  const count = docs.kind.length;
  if (!("areas" in docs) || !Array.isArray(docs.areas) || !("libraries" in docs) || !Array.isArray(docs.libraries)) return false;
  const record: Record<string, unknown> = { ...docs };
  return columnNames.every((name) => {
    const column = record[name];
    return Array.isArray(column) && column.length === count;
  });
}

/** How many documents (of one kind) an index holds, without opening it. */
export function countSearchDocs(index: SearchIndex, kind?: IndexedDoc["kind"]): number {
  if (kind === undefined) return index.docs.kind.length;
  const letter = kind === "code" ? "c" : "e";
  let count = 0;
  for (const each of index.docs.kind) if (each === letter) count++;
  return count;
}
