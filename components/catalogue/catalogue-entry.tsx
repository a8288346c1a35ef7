import type { Entry, EntryCause } from "@/lib/content/entry";
import { causeAnchor, causeUrl, entryAnchor, entryUrl } from "@/lib/urls";

export type CatalogueEntryProps = {
  entry: Pick<Entry, "slug" | "title" | "summary" | "codes"> & { causes: ReadonlyArray<Pick<EntryCause, "id" | "title">> };
};

// The catalogue repeats its copy buttons for every entry, in the HTML and again in the page's
// payload, so they carry neither value nor entry-specific name: `CopyHandler` derives the value
// from the enclosing `data-entry` and `CatalogueCopyNames` names them after the entry.

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
      <p>
        <button type="button" data-copy="entry-url" className="copy-button">
          Copy link
        </button>
        <button type="button" data-copy="entry-markdown" className="copy-button">
          Copy as Markdown
        </button>
      </p>
    </article>
  );
}
