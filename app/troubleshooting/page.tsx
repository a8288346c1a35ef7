import type { Metadata } from "next";
import { getCatalogue } from "@/lib/content/catalogue.server";
import { groupByArea } from "@/lib/content/group";
import { CatalogueEntries } from "@/components/catalogue/catalogue-entries";
import { toCatalogueRow } from "@/lib/content/catalogue-row";
import { CatalogueCopyButtons } from "@/components/catalogue/catalogue-copy-buttons";
import { AnchorHashRedirect } from "@/components/anchors/anchor-hash-redirect";
import { buildCatalogueAnchorRedirects } from "@/lib/content/anchor-redirects";
import { CatalogueFilter } from "@/components/search/catalogue-filter";
import { buildPageMetadata } from "@/lib/page-metadata";
import { areaAnchor, catalogueUrl } from "@/lib/urls";

export const metadata: Metadata = buildPageMetadata({
  title: "Troubleshooting catalogue",
  description: "Every OAuth 2.0 and OpenID Connect problem in the catalogue, grouped by area, most frequent first.",
  path: catalogueUrl(),
});

export default async function CataloguePage() {
  const catalogue = await getCatalogue();
  const groups = groupByArea(catalogue);
  return (
    <>
      <AnchorHashRedirect redirects={buildCatalogueAnchorRedirects(catalogue.entries)} />
      <h1 className="text-3xl font-bold tracking-tight">Troubleshooting</h1>
      <p className="mt-2 text-zinc-700 dark:text-zinc-300">
        {catalogue.entries.length} problems, grouped by where they happen and ordered by how often they
        do, each with the causes it covers. Every entry and every cause has a permanent link; the fix is
        on the entry&apos;s page.
      </p>
      <CatalogueCopyButtons />
      <CatalogueFilter />
      <nav aria-label="Areas" className="mt-6 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
        <h2 className="text-sm font-semibold text-zinc-600 dark:text-zinc-400">Areas</h2>
        <ol className="mt-2 grid gap-x-6 gap-y-1 sm:grid-cols-2">
          {groups.map(({ area, entries }) => (
            <li key={area.id}>
              <a href={`#${areaAnchor(area.id)}`} className="hover:underline">{area.title}</a>{" "}
              <span className="text-sm text-zinc-500 dark:text-zinc-400">({entries.length})</span>
            </li>
          ))}
        </ol>
      </nav>
      {groups.map(({ area, entries }) => (
        <section key={area.id} id={areaAnchor(area.id)} data-area={area.id} aria-labelledby={`${areaAnchor(area.id)}-title`} className="mt-12 scroll-mt-20">
          <h2 id={`${areaAnchor(area.id)}-title`} className="border-b border-zinc-200 pb-2 text-2xl font-bold tracking-tight dark:border-zinc-800">
            {area.title}
          </h2>
          <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">{area.summary}</p>
          <CatalogueEntries rows={entries.map(toCatalogueRow)} />
        </section>
      ))}
    </>
  );
}
