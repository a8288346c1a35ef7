import type { Entry } from "@/lib/content/entry";
import { buildAssistantLinks } from "@/lib/share";
import { absoluteUrl, entryMarkdownUrl, entryUrl } from "@/lib/urls";
import { EntryMeta } from "./entry-meta";
import { EntryShare } from "./entry-share";
import { MdxContent } from "./mdx-content";

type EntryArticleProps = {
  entry: Entry;
  /**
   * The site's public origin (SITE_URL): the "Open in" links hand an assistant the entry's
   * absolute `.md` URL.
   */
  origin: string;
};

/** One entry on its own page: everything, from symptom to prevention. (The catalogue shows a summary: components/catalogue.) */
export function EntryArticle({ entry, origin }: EntryArticleProps) {
  const pagePath = entryUrl(entry.slug);
  return (
    <article data-entry={entry.slug}>
      <header className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold tracking-tight">{entry.title}</h1>
        <EntryShare
          title={entry.title}
          link={pagePath}
          markdownPath={entryMarkdownUrl(entry.slug)}
          assistants={buildAssistantLinks(absoluteUrl(entryMarkdownUrl(entry.slug), origin))}
        />
      </header>
      <p className="mt-2 text-zinc-700 dark:text-zinc-300">{entry.summary}</p>
      <EntryMeta codes={entry.codes} http={entry.http} messages={entry.messages} />
      <div className="prose prose-zinc max-w-none dark:prose-invert prose-code:before:content-none prose-code:after:content-none">
        <MdxContent code={entry.code} slug={entry.slug} sectionLevel={2} pagePath={pagePath} />
      </div>
      <p className="mt-4 text-xs text-zinc-500 dark:text-zinc-400">
        Updated <time dateTime={entry.updated}>{entry.updated}</time>
      </p>
    </article>
  );
}
