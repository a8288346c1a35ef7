"use client";

import { CatalogueEntry, type CatalogueEntryProps } from "./catalogue-entry";

/**
 * One area's entries in the one-page catalogue. A client component on purpose: the page's payload
 * then carries these props (titles, summaries, causes) once, as data, instead of the rendered
 * element tree of every entry next to the same markup in the HTML. The markup is the same.
 */
export function CatalogueEntries({ entries }: { entries: ReadonlyArray<CatalogueEntryProps["entry"]> }) {
  return (
    <div className="mt-6 space-y-8">
      {entries.map((entry) => (
        <CatalogueEntry key={entry.slug} entry={entry} />
      ))}
    </div>
  );
}
