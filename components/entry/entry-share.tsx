import { CopyButton } from "@/components/ui/copy-button";
import type { AssistantLink } from "@/lib/share";

type EntryShareProps = {
  title: string;
  /** Site path or anchor of the entry where it is shown; copied as an absolute URL. */
  link: string;
  /** Site path of the entry's Markdown, fetched on "Copy as Markdown". */
  markdownPath: string;
  assistants: AssistantLink[];
};

const control =
  "inline-flex items-center rounded border border-zinc-300 bg-white/90 px-2 py-0.5 text-xs font-medium text-zinc-700 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-zinc-600 dark:bg-zinc-800/90 dark:text-zinc-200 dark:hover:bg-zinc-700";

/** Copy link, Copy as Markdown, and Open in an assistant: plain HTML, no per-entry script. */
export function EntryShare({ title, link, markdownPath, assistants }: EntryShareProps) {
  return (
    <ul aria-label={`Share ${title}`} className="flex flex-wrap items-center gap-1.5">
      <li>
        <CopyButton value={link} asUrl label={`Copy link to ${title}`} className={control}>
          Copy link
        </CopyButton>
      </li>
      <li>
        <CopyButton value={markdownPath} fetchText label={`Copy as Markdown: ${title}`} className={control}>
          Copy as Markdown
        </CopyButton>
      </li>
      {assistants.map((assistant) => (
        <li key={assistant.id}>
          <a
            href={assistant.href}
            target="_blank"
            rel="noopener noreferrer"
            aria-label={`Open in ${assistant.name}: ${title} (opens in a new tab)`}
            data-assistant={assistant.id}
            className={control}
          >
            Open in {assistant.name}
          </a>
        </li>
      ))}
    </ul>
  );
}
