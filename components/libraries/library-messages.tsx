import { Link } from "@/components/ui/link";
import type { LibraryMessage } from "@/lib/content/libraries";
import { causeUrl, entryUrl } from "@/lib/urls";

/** Every message one library prints that the catalogue knows, each with the entry (and cause) that explains it. */
export function LibraryMessageList({ messages }: { messages: readonly LibraryMessage[] }) {
  return (
    <ul className="mt-6 space-y-4">
      {messages.map((message, index) => (
        <li key={`${message.slug}-${index}`} data-entry={message.slug} className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
          <code className="block font-mono text-sm break-words whitespace-pre-wrap">{message.text}</code>
          <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">{message.source}</p>
          <p className="mt-2 text-sm">
            <Link href={entryUrl(message.slug)} className="text-link">{message.title}</Link>
            {message.causeId && message.causeTitle && (
              <>
                {" → "}
                <Link href={causeUrl(message.slug, message.causeId)} className="text-link">{message.causeTitle}</Link>
              </>
            )}
          </p>
        </li>
      ))}
    </ul>
  );
}
