import { Link } from "@/components/ui/link";
import { httpStatusLabel, returnedAtLabels } from "@/lib/codes";
import type { CodeDefinition } from "@/lib/codes/schema";
import { codeUrl } from "@/lib/urls";

export type CodeTableRow = { definition: CodeDefinition; entryCount: number };

type CodeTableProps = { id: string; title: string; rows: CodeTableRow[] };

/** One source group of the reference: a table with a row per definition. */
export function CodeTable({ id, title, rows }: CodeTableProps) {
  const headingId = `${id}-title`;
  return (
    // Off-screen groups are laid out only when scrolled to: the reference is one long table page.
    <section id={id} className="mt-10 scroll-mt-20 [contain-intrinsic-size:auto_60rem] [content-visibility:auto]">
      <h2 id={headingId} className="text-xl font-semibold">
        {title} <span className="text-base font-normal text-zinc-500 dark:text-zinc-400">({rows.length})</span>
      </h2>
      {/* The labelled, focusable region lets keyboard users scroll the table sideways on narrow screens;
          `relative` keeps the screen-reader-only labels inside it from widening the page. */}
      <div className="relative mt-3 overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800" tabIndex={0} role="region" aria-labelledby={headingId}>
        <table className="w-full min-w-[44rem] border-collapse text-left text-sm">
          <thead className="bg-zinc-50 text-zinc-700 dark:bg-zinc-900 dark:text-zinc-300">
            <tr>
              <th scope="col" className="px-3 py-2 font-semibold">Code</th>
              <th scope="col" className="px-3 py-2 font-semibold">Where it is returned</th>
              <th scope="col" className="px-3 py-2 font-semibold">HTTP</th>
              <th scope="col" className="px-3 py-2 font-semibold">Meaning</th>
              <th scope="col" className="px-3 py-2 font-semibold">Entries</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ definition, entryCount }) => (
              <tr key={definition.id} className="border-t border-zinc-200 align-top dark:border-zinc-800">
                <th scope="row" className="px-3 py-2 font-normal">
                  <Link href={codeUrl(definition.code)} className="font-mono font-medium text-blue-700 hover:underline dark:text-blue-400">
                    {definition.code}
                  </Link>
                  {definition.vendor && (
                    <span className="mt-0.5 block text-xs text-zinc-500 dark:text-zinc-400">{definition.vendor}</span>
                  )}
                </th>
                <td className="px-3 py-2">{returnedAtLabels[definition.returned_at]}</td>
                {definition.http === null ? (
                  // The dash is drawn by CSS (hidden from screen readers), which hear the label.
                  <td className="px-3 py-2 text-xs before:[content:'–'/'']" title={httpStatusLabel(null)}>
                    <span className="sr-only">{httpStatusLabel(null)}</span>
                  </td>
                ) : (
                  <td className="px-3 py-2 font-mono text-xs whitespace-nowrap">{definition.http}</td>
                )}
                <td className="px-3 py-2 text-zinc-700 dark:text-zinc-300">{definition.meaning}</td>
                <td className={entryCount > 0 ? "px-3 py-2 text-center" : "px-3 py-2 text-center text-zinc-400 dark:text-zinc-500"}>{entryCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
