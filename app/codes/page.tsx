import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { CodeTable } from "@/components/codes/code-table";
import { entriesForCode, groupBySource } from "@/lib/codes";
import { getCodeReference } from "@/lib/codes/reference";
import { getCatalogue } from "@/lib/content/catalogue.server";
import { buildPageMetadata } from "@/lib/page-metadata";
import { catalogueUrl, codesUrl } from "@/lib/urls";

export const metadata: Metadata = buildPageMetadata({
  title: "Error-code reference",
  description:
    "Every OAuth 2.0 and OpenID Connect error code in the IANA registry, plus logi IdP and vendor codes: meaning, where it is returned, HTTP status, retry rule and spec.",
  path: codesUrl(),
});

export default async function CodesPage() {
  const reference = getCodeReference();
  const { entries } = await getCatalogue();
  const groups = groupBySource(reference).map((group) => ({
    ...group,
    anchor: `source-${group.source}`,
    rows: group.definitions.map((definition) => ({
      definition,
      entryCount: entriesForCode(entries, definition.code).length,
    })),
  }));

  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight">Error-code reference</h1>
      <p className="mt-3 max-w-3xl text-zinc-700 dark:text-zinc-300">
        The <code className="font-mono">error</code> values an RP meets, what each one means, where it
        is returned, the HTTP status it usually comes with, and whether retrying helps. Codes are
        case-sensitive as returned. Some codes mean different things in different places
        (<code className="font-mono">access_denied</code> in a redirect versus while polling for a
        device token), so they have one row per place. Have a message rather than a code?{" "}
        <Link href={catalogueUrl()} className="text-link">Search the catalogue</Link>.
      </p>
      <nav aria-label="Code groups" className="mt-6">
        <ul className="flex flex-wrap gap-2 text-sm">
          {groups.map((group) => (
            <li key={group.source}>
              <a href={`#${group.anchor}`} className="inline-block rounded-full border border-zinc-300 px-3 py-1 hover:border-blue-500 dark:border-zinc-700 dark:hover:border-blue-400">
                {group.label} <span className="text-zinc-500 dark:text-zinc-400">({group.rows.length})</span>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {groups.map((group) => (
        <CodeTable key={group.source} id={group.anchor} title={group.label} rows={group.rows} />
      ))}
    </>
  );
}
