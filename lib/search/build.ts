// Builds the serialisable index (in Node at build time, or anywhere) and checks fetched JSON.
import type { SearchDoc } from "./documents";
import { normalizeMessage, toDistinctTerms, toTermWords } from "./normalize";
import { searchOptions as defaultOptions, type SearchOptions } from "./options";
import { field, searchIndexVersion, type IndexedDoc, type SearchIndex } from "./types";

export function buildSearchIndex(docs: readonly SearchDoc[], options: SearchOptions = defaultOptions): SearchIndex {
  const postingsByTerm = new Map<string, number[]>();
  const formsByTerm = new Map<string, Set<string>>();
  docs.forEach((doc, docId) => {
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
    doc.messages.forEach((message, index) => add(normalizeMessage(message), field.messages, index));
    add(doc.symptom, field.symptom, 0);
    add(doc.tags.join("\n"), field.tags, 0);
    add(doc.summary, field.summary, 0);
    doc.causes.forEach((cause, index) => {
      add(cause.title, field.causeTitle, index);
      add(cause.text, field.causeText, index);
    });
    add(doc.fix, field.fix, 0);
  });
  const terms = [...postingsByTerm.keys()].sort();
  return {
    version: searchIndexVersion,
    options,
    docs: docs.map(toIndexedDoc),
    terms,
    forms: terms.map((term) => [...(formsByTerm.get(term) ?? [])].sort().join(" ")),
    postings: terms.map((term) => postingsByTerm.get(term) ?? []),
  };
}

function toIndexedDoc(doc: SearchDoc): IndexedDoc {
  return {
    kind: doc.kind,
    slug: doc.slug,
    title: doc.title,
    area: doc.area,
    summary: doc.summary,
    url: doc.url,
    codes: doc.codes,
    http: doc.http,
    tags: doc.tags,
    rank: doc.rank,
    causes: doc.causes.map((cause) => ({ id: cause.id, title: cause.title })),
    specificTo: doc.specificTo,
    messages: doc.messages.map((message) => {
      const norm = normalizeMessage(message);
      return { norm, size: toDistinctTerms(norm).length };
    }),
  };
}

/** Checks that fetched JSON is an index this code can read (the browser gets it over the network). */
export function isSearchIndex(value: unknown): value is SearchIndex {
  if (typeof value !== "object" || value === null) return false;
  if (!("version" in value) || value.version !== searchIndexVersion) return false;
  return (
    "docs" in value && Array.isArray(value.docs) &&
    "terms" in value && Array.isArray(value.terms) &&
    "forms" in value && Array.isArray(value.forms) && value.forms.length === value.terms.length &&
    "postings" in value && Array.isArray(value.postings) &&
    value.postings.length === value.terms.length &&
    "options" in value && typeof value.options === "object" && value.options !== null
  );
}
