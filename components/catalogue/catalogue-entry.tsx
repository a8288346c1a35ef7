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
    <article id={anchor} data-entry={entry.slug} className="scroll-mt-20">
      <h3 className="text-lg font-semibold">
        <a href={entryUrl(entry.slug)} className="hover:underline">{entry.title}</a>
      </h3>
      <p className="mt-1 text-zinc-700 dark:text-zinc-300">
        {entry.summary}
        {entry.codes.length > 0 ? <code className="ml-2 text-sm text-zinc-500 dark:text-zinc-400">{entry.codes.join(" · ")}</code> : null}
      </p>
      {/* Styled from the list, not per item: the catalogue repeats these a few hundred times. */}
      <ul className="mt-2 list-disc space-y-1 pl-5 text-sm [&_a]:text-blue-700 [&_a]:hover:underline dark:[&_a]:text-blue-400 [&_h4]:inline [&>li]:scroll-mt-20">
        {entry.causes.map((cause) => (
          <li key={cause.id} id={causeAnchor(entry.slug, cause.id)}>
            <h4>
              <a href={causeUrl(entry.slug, cause.id)}>{cause.title}</a>
            </h4>
          </li>
        ))}
      </ul>
      <p className="mt-2 flex gap-1.5">
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
