"use client";

// The catalogue's `?q=` filter: the same search as the header dialog, applied in place. Entries
// that do not match are hidden (and areas left empty with them); the query is kept in the URL so
// a filtered catalogue can be shared. Works on the server-rendered page: the elements carry
// `data-entry="<slug>"` (entries, or each message of an entry on a library page) and
// `data-area="<id>"` (area sections). A library page passes `library`, so only entries quoting
// that library's messages match.
import { useEffect, useId, useState, type ChangeEvent } from "react";
import type { SearchResult } from "@/lib/search/index";
import { useSearchEngine } from "./use-search-engine";

export type CatalogueFilterProps = {
  /**
   * Slugs of the entries rendered on the page, in page order. Without them the filter reads them
   * from the page's `data-entry` elements (the catalogue does, so its payload does not carry every
   * slug once more).
   */
  slugs?: readonly string[];
  /** Only entries quoting this library's messages match (a library page filters its own list). */
  library?: string;
  label?: string;
};

const matchStrength: Record<SearchResult["match"], number> = { exact: 2, close: 1, words: 0 };

function readQuery(): string {
  return new URLSearchParams(window.location.search).get("q") ?? "";
}

function writeQuery(query: string): void {
  const url = new URL(window.location.href);
  if (query.trim()) url.searchParams.set("q", query);
  else url.searchParams.delete("q");
  window.history.replaceState(window.history.state, "", url);
}

/** The distinct `data-entry` slugs of the page, in page order. */
function readPageSlugs(): string[] {
  const slugs = new Set<string>();
  for (const element of document.querySelectorAll<HTMLElement>("[data-entry]")) {
    if (element.dataset.entry) slugs.add(element.dataset.entry);
  }
  return [...slugs];
}

function applyVisibility(visible: ReadonlySet<string> | null, slugs: readonly string[]): void {
  const areas = new Map<Element, boolean>();
  for (const slug of slugs) {
    const show = visible === null || visible.has(slug);
    // A library page lists several messages of one entry: each carries the entry's slug.
    for (const element of document.querySelectorAll(`[data-entry="${CSS.escape(slug)}"]`)) {
      if (!(element instanceof HTMLElement)) continue;
      element.hidden = !show;
      const area = element.closest("[data-area]");
      if (area) areas.set(area, (areas.get(area) ?? false) || show);
    }
  }
  for (const [area, show] of areas) {
    if (area instanceof HTMLElement) area.hidden = !show;
  }
}

export function CatalogueFilter({ slugs, library, label = "Filter the catalogue" }: CatalogueFilterProps) {
  const inputId = useId();
  const [query, setQuery] = useState("");
  const { engine, status, start } = useSearchEngine();
  /** Entries left by the filter, of how many on the page; null while nothing is filtered. */
  const [shown, setShown] = useState<{ count: number; of: number } | null>(null);

  // The query arrives in the URL (e.g. from the home page's search form).
  useEffect(() => {
    const initial = readQuery();
    if (initial) {
      setQuery(initial);
      start();
    }
  }, []);

  useEffect(() => {
    const pageSlugs = slugs ?? readPageSlugs();
    if (!query.trim()) {
      applyVisibility(null, pageSlugs);
      setShown(null);
      return;
    }
    if (!engine) return;
    const onPage = new Set(pageSlugs);
    const results = engine.search(query, pageSlugs.length, library).results.filter((result) => result.kind === "entry" && onPage.has(result.slug));
    // A paste that matched a code or a message exactly keeps only those entries, not every entry
    // sharing a few of its words; otherwise the word matches are the answer.
    const strongest = Math.max(0, ...results.map((result) => matchStrength[result.match]));
    const visible = new Set(results.filter((result) => matchStrength[result.match] >= strongest).map((result) => result.slug));
    applyVisibility(visible, pageSlugs);
    setShown({ count: visible.size, of: pageSlugs.length });
  }, [engine, query, slugs, library]);

  useEffect(() => {
    const timer = window.setTimeout(() => writeQuery(query), 300);
    return () => window.clearTimeout(timer);
  }, [query]);

  function onChange(event: ChangeEvent<HTMLInputElement>) {
    setQuery(event.target.value);
    start();
  }

  const message =
    status === "error"
      ? "The filter could not be loaded; all entries are shown."
      : !query.trim()
        ? ""
        : shown === null
          ? "Filtering…"
          : shown.count === 0
            ? "No entry matches this filter."
            : `Showing ${shown.count} of ${shown.of} entries.`;

  return (
    <div role="search" className="mt-6">
      <label htmlFor={inputId} className="text-sm font-medium text-zinc-700 dark:text-zinc-300">
        {label}
      </label>
      <div className="mt-1 flex gap-2">
        <input
          id={inputId}
          type="search"
          value={query}
          onChange={onChange}
          onFocus={start}
          placeholder="An error code, a message, a few words…"
          autoComplete="off"
          spellCheck={false}
          className="min-w-0 flex-1 rounded-lg border border-zinc-300 bg-white px-3 py-2 text-base focus:border-blue-600 focus:outline-2 focus:outline-blue-600 dark:border-zinc-700 dark:bg-zinc-900"
        />
        {query ? (
          <button
            type="button"
            onClick={() => setQuery("")}
            className="rounded-lg border border-zinc-300 px-3 py-2 text-sm hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-zinc-700 dark:hover:bg-zinc-800"
          >
            Clear
          </button>
        ) : null}
      </div>
      <p role="status" aria-live="polite" className="mt-2 min-h-5 text-sm text-zinc-600 dark:text-zinc-400">
        {message}
      </p>
    </div>
  );
}
