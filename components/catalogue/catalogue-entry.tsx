import type { CatalogueItem } from "@/lib/content/catalogue-row";
import { causeAnchor, causeUrl, entryAnchor, entryUrl } from "@/lib/urls";

export type CatalogueEntryProps = { entry: CatalogueItem };

// The catalogue's copy buttons are added in the browser by `CatalogueCopyButtons` (they only work
// there); `CopyHandler` derives their value from the enclosing `data-entry`.

/**
 * One entry in the one-page catalogue: what it is and which causes it covers, each cause at its
 * permanent anchor and linked to its fix on the entry page. The full text lives on the entry's own
 * page, so the catalogue stays light enough for a phone. Plain links: no prefetch of 80 pages.
 */
export function CatalogueEntry({ entry }: CatalogueEntryProps) {
  return (
    <article id={entryAnchor(entry.slug)} data-entry={entry.slug} className="catalogue-entry">
      <h3>
        <a href={entryUrl(entry.slug)}>{entry.title}</a>
      </h3>
      <p>
        {entry.summary}
        {entry.codes.length > 0 ? <code>{entry.codes.join(" · ")}</code> : null}
      </p>
      {/* Styled by the catalogue-entry utility (app/globals.css), not per element. */}
      <ul>
        {entry.causes.map((cause) => (
          <li key={cause.id} id={causeAnchor(entry.slug, cause.id)}>
            <h4>
              <a href={causeUrl(entry.slug, cause.id)}>{cause.title}</a>
            </h4>
          </li>
        ))}
      </ul>
      {/* Its copy buttons: added by CatalogueCopyButtons once the page can copy. */}
      <p />
    </article>
  );
}
