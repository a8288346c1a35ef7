import type { Entry } from "@/lib/content/entry";
import { CopyButton } from "@/components/ui/copy-button";
import { causeAnchor, causeUrl, entryAnchor, entryMarkdownUrl, entryUrl } from "@/lib/urls";

export type CatalogueEntryProps = {
  entry: Pick<Entry, "slug" | "title" | "summary" | "codes" | "causes">;
  /** The catalogue's own path, for the copied link. */
  pagePath: string;
};

/**
 * One entry in the one-page catalogue: what it is and which causes it covers, each cause at its
 * permanent anchor and linked to its fix on the entry page. The full text lives on the entry's own
 * page, so the catalogue stays light enough for a phone. Plain links: no prefetch of 80 pages.
 */
export function CatalogueEntry({ entry, pagePath }: CatalogueEntryProps) {
  const anchor = entryAnchor(entry.slug);
  return (
    <article id={anchor} data-entry={entry.slug} className="catalogue-entry">
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
        <CopyButton value={`${pagePath}#${anchor}`} asUrl label={`Copy link to ${entry.title}`}>
          Copy link
        </CopyButton>
        <CopyButton value={entryMarkdownUrl(entry.slug)} fetchText label={`Copy as Markdown: ${entry.title}`}>
          Copy as Markdown
        </CopyButton>
      </p>
    </article>
  );
}
