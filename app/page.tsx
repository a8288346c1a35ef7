import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getCatalogue } from "@/lib/content/catalogue.server";
import { groupByArea } from "@/lib/content/group";
import { buildPageMetadata } from "@/lib/page-metadata";
import { areaAnchor, catalogueUrl, entryUrl } from "@/lib/urls";

export const metadata: Metadata = buildPageMetadata({
  title: "OIDC FixBook: OAuth and OpenID Connect troubleshooting",
  absoluteTitle: true,
  description: "Paste an OAuth 2.0 or OpenID Connect error, a JSON error body, a callback URL or a library exception, and land on the cause and the fix.",
  path: "/",
});

export default async function HomePage() {
  const catalogue = await getCatalogue();
  const groups = groupByArea(catalogue);
  const frequent = groups.flatMap((group) => group.entries.slice(0, 1)).slice(0, 8);
  return (
    <>
      <section className="py-6 text-center">
        <h1 className="text-4xl font-bold tracking-tight">Fix your OAuth and OpenID Connect errors</h1>
        <p className="mx-auto mt-3 max-w-2xl text-lg text-zinc-700 dark:text-zinc-300">
          Paste an error code, a JSON error body, a callback URL or a library exception. Each entry
          goes from symptom to cause to fix.
        </p>
        <form action={catalogueUrl()} method="get" role="search" className="mx-auto mt-6 flex max-w-2xl gap-2">
          <label htmlFor="home-search" className="sr-only">Search the catalogue</label>
          <input
            id="home-search"
            name="q"
            type="search"
            placeholder='e.g. {"error":"invalid_client"} or AADSTS50011'
            className="min-w-0 flex-1 rounded-lg border border-zinc-300 bg-white px-4 py-3 text-base shadow-sm focus:border-blue-600 focus:outline-2 focus:outline-blue-600 dark:border-zinc-700 dark:bg-zinc-900"
          />
          <button type="submit" className="rounded-lg bg-blue-700 px-5 py-3 font-medium text-white hover:bg-blue-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600">
            Search
          </button>
        </form>
      </section>

      <section aria-labelledby="frequent-title" className="mt-10">
        <h2 id="frequent-title" className="text-xl font-semibold">Most frequent problems</h2>
        <ul className="mt-4 grid gap-3 sm:grid-cols-2">
          {frequent.map((entry) => (
            <li key={entry.slug}>
              <Link href={entryUrl(entry.slug)} className="block h-full rounded-lg border border-zinc-200 p-4 hover:border-blue-500 dark:border-zinc-800 dark:hover:border-blue-400">
                <span className="font-medium">{entry.title}</span>
                <span className="mt-1 block text-sm text-zinc-600 dark:text-zinc-400">{entry.summary}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="areas-title" className="mt-12">
        <h2 id="areas-title" className="text-xl font-semibold">Browse by area</h2>
        <ul className="mt-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {groups.map(({ area, entries }) => (
            <li key={area.id}>
              <Link href={`${catalogueUrl()}#${areaAnchor(area.id)}`} className="block h-full rounded-lg border border-zinc-200 p-4 hover:border-blue-500 dark:border-zinc-800 dark:hover:border-blue-400">
                <span className="font-medium">{area.title}</span>{" "}
                <span className="text-sm text-zinc-500 dark:text-zinc-400">({entries.length})</span>
                <span className="mt-1 block text-sm text-zinc-600 dark:text-zinc-400">{area.summary}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
