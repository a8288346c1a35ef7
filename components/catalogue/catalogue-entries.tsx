"use client";

import { fromCatalogueRow, type CatalogueRow } from "@/lib/content/catalogue-row";
import { CatalogueEntry } from "./catalogue-entry";

/**
 * One area's entries in the one-page catalogue. A client component on purpose: the page's payload
 * then carries these rows (titles, summaries, causes) once, as data, instead of the rendered
 * element tree of every entry next to the same markup in the HTML. The markup is the same.
 */
export function CatalogueEntries({ rows }: { rows: readonly CatalogueRow[] }) {
  return (
    <div className="mt-6 space-y-8">
      {rows.map((row) => {
        const entry = fromCatalogueRow(row);
        return <CatalogueEntry key={entry.slug} entry={entry} />;
      })}
    </div>
  );
}
