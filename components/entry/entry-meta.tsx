import { Link } from "@/components/ui/link";
import type { Entry } from "@/lib/content/entry";
import { codeUrl } from "@/lib/urls";

type EntryMetaProps = Pick<Entry, "codes" | "http" | "messages">;

/** The machine-matchable facts of an entry: codes, statuses and verbatim messages. */
export function EntryMeta({ codes, http, messages }: EntryMetaProps) {
  if (codes.length === 0 && http.length === 0 && messages.length === 0) return null;
  return (
    <dl className="my-3 grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1 text-sm">
      {codes.length > 0 && (
        <>
          <dt className="font-medium text-zinc-600 dark:text-zinc-400">Codes</dt>
          <dd className="flex flex-wrap gap-1.5">
            {codes.map((code) => (
              <Link key={code} href={codeUrl(code)} className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-xs text-zinc-900 hover:underline dark:bg-zinc-800 dark:text-zinc-100">
                {code}
              </Link>
            ))}
          </dd>
        </>
      )}
      {http.length > 0 && (
        <>
          <dt className="font-medium text-zinc-600 dark:text-zinc-400">HTTP</dt>
          <dd className="font-mono text-xs leading-6">{http.join(", ")}</dd>
        </>
      )}
      {messages.length > 0 && (
        <>
          <dt className="font-medium text-zinc-600 dark:text-zinc-400">Messages</dt>
          <dd>
            <ul className="space-y-1">
              {messages.map((message) => (
                <li key={message.text} className="font-mono text-xs [overflow-wrap:anywhere]">
                  {message.text}
                  {message.source && <span className="ml-2 font-sans text-zinc-500 dark:text-zinc-400">({message.source})</span>}
                </li>
              ))}
            </ul>
          </dd>
        </>
      )}
    </dl>
  );
}
