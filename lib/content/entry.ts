// The shape of a loaded catalogue entry: validated frontmatter plus the structured body
// extracted from its MDX. Pages, APIs, search and exports all read this.
import type { RunnableExample } from "./runnable";
import type { Area, Frontmatter } from "./schema";

export type EntryCause = {
  /** kebab-case, unique within the entry; anchored at `#<slug>--<id>`. */
  id: string;
  /** Retired ids of this cause (`<Cause aliases="old other">`); `#<slug>--<alias>` still lands here. */
  aliases: string[];
  title: string;
  /** Plain text of the cause (Markdown stripped), for search and the JSON API. */
  text: string;
  /** The cause as Markdown, for exports. */
  markdown: string;
  /** Line of the `<Cause>` element in the source file, for content problems. */
  line?: number;
};

export type EntrySection = { text: string; markdown: string };

export type EntryBody = {
  symptom: EntrySection;
  causes: EntryCause[];
  fix: EntrySection;
  verify?: EntrySection;
  prevention?: EntrySection;
};

/** The entry's code blocks that run against the bundled mock IdP (content/README.md, "Runnable examples"). */
export type EntryRunnable = {
  examples: RunnableExample[];
  /** Shell blocks that call http://localhost:3000 but are not marked runnable. */
  unmarked: number;
  /** Why the bundled mock IdP reproduces this entry (then it needs a runnable block), if it does. */
  reproducedBy?: string;
};

export type Entry = Omit<Frontmatter, "slug"> &
  EntryBody & {
    slug: string;
    /** Path of the source file relative to the project root. */
    file: string;
    /** mdx-bundler output, rendered with getMDXComponent in Server Components only. */
    code: string;
    runnable: EntryRunnable;
  };

export type Catalogue = {
  areas: Area[];
  /** Sorted by area order, then rank, then title. */
  entries: Entry[];
  bySlug: ReadonlyMap<string, Entry>;
  /** Retired slug → current slug. */
  aliases: ReadonlyMap<string, string>;
};
