import type { Catalogue, Entry } from "./entry";
import { entryUrl } from "../urls";

/** The public JSON shape of an entry (GET /api/entries), per the design's API contract. */
export function toEntryJson(entry: Entry) {
  return {
    slug: entry.slug,
    title: entry.title,
    area: entry.area,
    summary: entry.summary,
    codes: entry.codes,
    http: entry.http,
    messages: entry.messages.map((message) => message.text),
    aliases: entry.aliases,
    url: entryUrl(entry.slug),
    symptom: entry.symptom.text,
    causes: entry.causes.map((cause) => ({ id: cause.id, title: cause.title, text: cause.text, aliases: cause.aliases })),
    fix: entry.fix.text,
    updated: entry.updated,
  };
}

export function toEntriesJson(catalogue: Pick<Catalogue, "entries">) {
  return { entries: catalogue.entries.map(toEntryJson) };
}
