// Loads the search engine and its prebuilt index on first use: the module (with fuse.js) is a
// dynamic import and the index a fetch, so neither is in any page's first-load JS.
import type { SearchResponse } from "@/lib/search/index";

/** Served by app/search-index.json/route.ts, prerendered at build time. */
export const searchIndexPath = "/search-index.json";

/** `library` keeps entries quoting one of that library's messages (`content/libraries.json` ids). */
export type LoadedSearch = { search: (query: string, limit?: number, library?: string) => SearchResponse };

let loading: Promise<LoadedSearch> | undefined;

export function loadSearch(): Promise<LoadedSearch> {
  loading ??= Promise.all([
    import("@/lib/search/index"),
    fetch(searchIndexPath).then((response) => {
      if (!response.ok) throw new Error(`${searchIndexPath} answered ${response.status}`);
      return response.json();
    }),
  ]).then(([engine, json]: [typeof import("@/lib/search/index"), unknown]) => {
    if (!engine.isSearchIndex(json)) throw new Error(`${searchIndexPath} is not a search index this page can read; reload the page`);
    return { search: (query: string, limit?: number, library?: string) => engine.searchIndex(json, query, library === undefined ? { limit } : { limit, library }) };
  });
  // A failed load (offline, deploy in progress) may be retried on the next open.
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
