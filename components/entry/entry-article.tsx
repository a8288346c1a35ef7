import Link from "next/link";
import type { Entry } from "@/lib/content/entry";
import { buildAssistantLinks } from "@/lib/share";
import { absoluteUrl, entryAnchor, entryMarkdownUrl, entryUrl } from "@/lib/urls";
import { EntryMeta } from "./entry-meta";
import { EntryShare } from "./entry-share";
import { MdxContent } from "./mdx-content";

type EntryArticleProps = {
  entry: Entry;
  /** `page`: the entry's own page (h1). `catalogue`: one of many on /troubleshooting (h3). */
  variant: "page" | "catalogue";
  /** The path this article is shown on, used for anchor links. */
  pagePath: string;
  /**
   * The site's public origin (SITE_URL). Given on the entry's own page, it adds "Open in" links that
   * hand an assistant the absolute `.md` URL; the catalogue leaves them out to stay light.
   */
  origin?: string;
};

export function EntryArticle({ entry, variant, pagePath, origin }: EntryArticleProps) {
  const anchor = entryAnchor(entry.slug);
  const isPage = variant === "page";
  const TitleTag = isPage ? "h1" : "h3";
  return (
    <article id={isPage ? undefined : anchor} data-entry={entry.slug} className="scroll-mt-20">
      <header className="flex flex-col gap-2">
        <TitleTag className={isPage ? "text-3xl font-bold tracking-tight" : "text-xl font-semibold"}>
          {isPage ? entry.title : (
            <Link href={entryUrl(entry.slug)} className="hover:underline">
              {entry.title}
            </Link>
          )}
        </TitleTag>
        <EntryShare
          title={entry.title}
          link={isPage ? entryUrl(entry.slug) : `${pagePath}#${anchor}`}
          markdownPath={entryMarkdownUrl(entry.slug)}
          assistants={isPage && origin ? buildAssistantLinks(absoluteUrl(entryMarkdownUrl(entry.slug), origin)) : []}
        />
      </header>
      <p className="mt-2 text-zinc-700 dark:text-zinc-300">{entry.summary}</p>
      <EntryMeta codes={entry.codes} http={entry.http} messages={entry.messages} />
      <div className="prose prose-zinc max-w-none dark:prose-invert prose-code:before:content-none prose-code:after:content-none">
        <MdxContent code={entry.code} slug={entry.slug} sectionLevel={isPage ? 2 : 4} pagePath={pagePath} />
      </div>
      <p className="mt-4 text-xs text-zinc-500 dark:text-zinc-400">
        Updated <time dateTime={entry.updated}>{entry.updated}</time>
      </p>
    </article>
  );
}
