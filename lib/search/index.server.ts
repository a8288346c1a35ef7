// The site's search index, built once per process from the catalogue. The API route and the
// static `/search-index.json` both read it, so the browser and the server rank identically.
import "server-only";
import { getCodeReference } from "@/lib/codes/reference";
import { getCatalogue } from "@/lib/content/catalogue.server";
import { getLibraries } from "@/lib/content/libraries.server";
import { toCatalogueSearchDocs } from "./documents";
import { buildSearchIndex, type SearchIndex } from "./index";

let indexPromise: Promise<SearchIndex> | undefined;

export function getSearchIndex(): Promise<SearchIndex> {
  indexPromise ??= getCatalogue().then((catalogue) =>
    // Codes of the reference that no entry cites still get found (they link to /codes/<code>).
    buildSearchIndex(toCatalogueSearchDocs(catalogue.entries, getLibraries(), getCodeReference().definitions)),
  );
  return indexPromise;
}
