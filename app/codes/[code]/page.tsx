import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { CodeDefinition, definitionHeading } from "@/components/codes/code-definition";
import { definitionAnchor, entriesForCode, getCodeNames, lookupCode, normalizeCodeParam } from "@/lib/codes";
import { getCodeReference } from "@/lib/codes/reference";
import { getCatalogue } from "@/lib/content/catalogue.server";
import { buildPageMetadata } from "@/lib/page-metadata";
import { catalogueSearchUrl, codeUrl, codesUrl, entryUrl, toolUrl } from "@/lib/urls";

type CodePageProps = { params: Promise<{ code: string }> };

// Every code is prerendered; anything else is a 404 rather than an on-demand render.
export const dynamicParams = false;

export function generateStaticParams(): Array<{ code: string }> {
  return getCodeNames(getCodeReference()).map((code) => ({ code }));
}

async function findDefinitions(params: CodePageProps["params"]) {
  const code = normalizeCodeParam((await params).code);
  return code ? lookupCode(getCodeReference(), code) : [];
}

export async function generateMetadata({ params }: CodePageProps): Promise<Metadata> {
  const [first, ...rest] = await findDefinitions(params);
  if (!first) return {};
  const more = rest.length > 0 ? ` (${rest.length + 1} meanings, depending on where it is returned)` : "";
  return buildPageMetadata({ title: `${first.code} error`, description: `${first.code}${more}: ${first.meaning}`.slice(0, 300), path: codeUrl(first.code) });
}

export default async function CodePage({ params }: CodePageProps) {
  const definitions = await findDefinitions(params);
  const [first] = definitions;
  if (!first) notFound();
  const code = first.code;
  const { entries } = await getCatalogue();
  const carrying = entriesForCode(entries, code);

  return (
    <>
      <p className="text-sm">
        <Link href={codesUrl()} className="text-link">Error-code reference</Link>
      </p>
      <h1 className="mt-2 font-mono text-3xl font-bold tracking-tight break-words">{code}</h1>

      {definitions.length > 1 && (
        <nav aria-label="Meanings of this code" className="mt-4 text-zinc-700 dark:text-zinc-300">
          <p>This code means different things depending on where you received it:</p>
          <ul className="mt-2 list-disc space-y-1 pl-6">
            {definitions.map((definition) => (
              <li key={definition.id}>
                <a href={`#${definitionAnchor(definition)}`} className="text-link">
                  {definitionHeading(definition)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}

      {definitions.map((definition) => (
        <CodeDefinition key={definition.id} definition={definition} />
      ))}

      <p className="mt-6 text-sm">
        Have the whole error? <Link href={toolUrl("error-lookup", { input: code })} className="text-link">Paste it into the error lookup</Link> to see what else it says and which entry fixes it.
      </p>

      <section aria-labelledby="entries-title" className="mt-10">
        <h2 id="entries-title" className="text-xl font-semibold">Troubleshooting entries</h2>
        {carrying.length > 0 ? (
          <ul className="mt-3 space-y-3">
            {carrying.map((entry) => (
              <li key={entry.slug}>
                <Link href={entryUrl(entry.slug)} className="block rounded-lg border border-zinc-200 p-4 hover:border-blue-500 dark:border-zinc-800 dark:hover:border-blue-400">
                  <span className="font-medium">{entry.title}</span>
                  <span className="mt-1 block text-sm text-zinc-600 dark:text-zinc-400">{entry.summary}</span>
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-3 text-zinc-700 dark:text-zinc-300">
            No entry is filed under this code yet.{" "}
            <Link href={catalogueSearchUrl(code)} className="text-link">
              Search the catalogue for {code}
            </Link>{" "}
            to find entries that mention it.
          </p>
        )}
      </section>
    </>
  );
}
