// The site's search index, built once per process from the catalogue. The API route and the
// static `/search-index.json` both read it, so the browser and the server rank identically.
import "server-only";
import { getCatalogue } from "@/lib/content/catalogue.server";
import { toSearchDocs } from "./documents";
import { buildSearchIndex, type SearchIndex } from "./index";

let indexPromise: Promise<SearchIndex> | undefined;

export function getSearchIndex(): Promise<SearchIndex> {
  indexPromise ??= getCatalogue().then((catalogue) => buildSearchIndex(toSearchDocs(catalogue.entries)));
  return indexPromise;
}
