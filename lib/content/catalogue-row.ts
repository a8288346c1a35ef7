// One catalogue entry as the one-page catalogue's client component receives it. The page's payload
// carries every entry once more next to its markup, so the row is positional (no key names repeated
// 116 times) and holds only what the row shows.
import type { Entry, EntryCause } from "./entry";

export type CatalogueItem = Pick<Entry, "slug" | "title" | "summary" | "codes"> & { causes: ReadonlyArray<Pick<EntryCause, "id" | "title">> };

/** `[slug, title, summary, codes joined by " · ", cause id, cause title, cause id, cause title, …]` */
export type CatalogueRow = readonly string[];

const codeSeparator = " · ";

export function toCatalogueRow(entry: CatalogueItem): CatalogueRow {
  return [entry.slug, entry.title, entry.summary, entry.codes.join(codeSeparator), ...entry.causes.flatMap((cause) => [cause.id, cause.title])];
}

export function fromCatalogueRow(row: CatalogueRow): CatalogueItem {
  const [slug = "", title = "", summary = "", codes = "", ...flatCauses] = row;
  const causes: Array<Pick<EntryCause, "id" | "title">> = [];
  for (let at = 0; at + 1 < flatCauses.length; at += 2) causes.push({ id: flatCauses[at] ?? "", title: flatCauses[at + 1] ?? "" });
  return { slug, title, summary, codes: codes === "" ? [] : codes.split(codeSeparator), causes };
}
