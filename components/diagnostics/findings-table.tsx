// A tool's findings as a table: failures first (then warnings, passes, skips; each group in the
// order the tool ran its checks), every status spelled out, every warn or fail linked to the
// entry that explains it. Messages quote what a remote server sent, so they are only ever text.
import { Link } from "@/components/ui/link";
import { useId } from "react";
import { countFindings, type Finding, type FindingStatus } from "@/lib/diagnostics/findings";
import { parseEntryLink } from "@/lib/urls";

type FindingsTableProps = {
  checks: readonly Finding[];
  /** The table's caption, e.g. "Discovery checks". */
  caption: string;
};

const severity: Record<FindingStatus, number> = { fail: 0, warn: 1, pass: 2, skip: 3 };

const badgeTone: Record<FindingStatus, string> = {
  fail: "bg-red-100 text-red-900 ring-red-300 dark:bg-red-950 dark:text-red-100 dark:ring-red-800",
  warn: "bg-amber-100 text-amber-950 ring-amber-300 dark:bg-amber-950 dark:text-amber-100 dark:ring-amber-800",
  pass: "bg-emerald-100 text-emerald-900 ring-emerald-300 dark:bg-emerald-950 dark:text-emerald-100 dark:ring-emerald-800",
  skip: "bg-zinc-100 text-zinc-700 ring-zinc-300 dark:bg-zinc-800 dark:text-zinc-200 dark:ring-zinc-600",
};

/** "14 pass · 1 warn · 1 fail" (skips only when there are some). */
export function summarizeFindings(checks: readonly Finding[]): string {
  const counts = countFindings(checks);
  const parts = [`${counts.pass} pass`, `${counts.warn} warn`, `${counts.fail} fail`];
  if (counts.skip > 0) parts.push(`${counts.skip} skip`);
  return parts.join(" · ");
}

function sortFindings(checks: readonly Finding[]): Finding[] {
  // Array sort is stable: checks of one status keep the order the tool reported them in.
  return [...checks].sort((a, b) => severity[a.status] - severity[b.status]);
}

function StatusBadge({ status }: { status: FindingStatus }) {
  return (
    <span className={`inline-block rounded px-1.5 py-0.5 font-mono text-xs font-semibold ring-1 ${badgeTone[status]}`}>
      {status.toUpperCase()}
    </span>
  );
}

function SpecReference({ spec }: { spec: string }) {
  if (/^https:\/\/[^\s]+$/.test(spec)) {
    return (
      <a href={spec} className="text-link [overflow-wrap:anywhere]" rel="noreferrer">
        {spec}
      </a>
    );
  }
  return <span>{spec}</span>;
}

function ExplainedIn({ entry }: { entry: string }) {
  const target = parseEntryLink(entry);
  if (!target) return <span className="[overflow-wrap:anywhere]">{entry}</span>;
  return (
    <Link href={entry} className="text-link [overflow-wrap:anywhere]">
      {target.slug}
      {target.causeId && <span className="block text-xs">cause: {target.causeId}</span>}
    </Link>
  );
}

export function FindingsTable({ checks, caption }: FindingsTableProps) {
  const captionId = useId();
  const rows = sortFindings(checks);
  return (
    <div className="mt-4">
      <p className="text-sm font-medium" data-testid="findings-summary">
        {summarizeFindings(checks)}
      </p>
      {/* Focusable so keyboard users can scroll a wide table sideways on a phone. */}
      <div className="relative mt-2 overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800" tabIndex={0} role="region" aria-labelledby={captionId}>
        <table className="w-full min-w-[40rem] border-collapse text-left text-sm">
          <caption id={captionId} className="sr-only">
            {caption}
          </caption>
          <thead className="bg-zinc-50 text-zinc-700 dark:bg-zinc-900 dark:text-zinc-300">
            <tr>
              <th scope="col" className="px-3 py-2 font-semibold">Status</th>
              <th scope="col" className="px-3 py-2 font-semibold">Finding</th>
              <th scope="col" className="px-3 py-2 font-semibold">Spec</th>
              <th scope="col" className="px-3 py-2 font-semibold">Explained in</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((check, index) => (
              <tr key={`${check.id}-${index}`} data-status={check.status} className="border-t border-zinc-200 align-top dark:border-zinc-800">
                <td className="px-3 py-2">
                  <StatusBadge status={check.status} />
                </td>
                <td className="px-3 py-2">
                  <span className="[overflow-wrap:anywhere]">{check.message}</span>
                  <span className="mt-0.5 block font-mono text-xs text-zinc-600 dark:text-zinc-400">{check.id}</span>
                </td>
                <td className="px-3 py-2 text-zinc-700 dark:text-zinc-300">{check.spec ? <SpecReference spec={check.spec} /> : <NoValue />}</td>
                <td className="px-3 py-2">{check.entry ? <ExplainedIn entry={check.entry} /> : <NoValue />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** An empty cell that says so to screen readers instead of reading a dash. */
export function NoValue() {
  return (
    <>
      <span aria-hidden="true" className="text-zinc-500 dark:text-zinc-400">–</span>
      <span className="sr-only">none</span>
    </>
  );
}
