import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound, permanentRedirect } from "next/navigation";
import { getCatalogue } from "@/lib/content/catalogue.server";
import { WidgetSlot } from "@/components/diagnostics/widget-slot";
import { EntryArticle } from "@/components/entry/entry-article";
import { AnchorHashRedirect } from "@/components/anchors/anchor-hash-redirect";
import { buildEntryAnchorRedirects } from "@/lib/content/anchor-redirects";
import { buildPageMetadata } from "@/lib/page-metadata";
import { getSiteOrigin } from "@/lib/site.server";
import { catalogueUrl, entryMarkdownUrl, entryUrl } from "@/lib/urls";

export const dynamicParams = false;

export async function generateStaticParams() {
  const catalogue = await getCatalogue();
  return [...catalogue.entries.map((entry) => entry.slug), ...catalogue.aliases.keys()].map((slug) => ({ slug }));
}

export async function generateMetadata({ params }: PageProps<"/troubleshooting/[slug]">): Promise<Metadata> {
  const { slug } = await params;
  const entry = (await getCatalogue()).bySlug.get(slug);
  if (!entry) return {};
  return buildPageMetadata({ title: entry.title, description: entry.summary, path: entryUrl(entry.slug), markdownPath: entryMarkdownUrl(entry.slug), type: "article" });
}

export default async function EntryPage({ params }: PageProps<"/troubleshooting/[slug]">) {
  const { slug } = await params;
  const catalogue = await getCatalogue();
  const target = catalogue.aliases.get(slug);
  if (target) permanentRedirect(entryUrl(target));
  const entry = catalogue.bySlug.get(slug);
  if (!entry) notFound();
  const area = catalogue.areas.find((candidate) => candidate.id === entry.area);
  const related = entry.related.flatMap((relatedSlug) => catalogue.bySlug.get(relatedSlug) ?? []);

  return (
    <>
      <AnchorHashRedirect redirects={buildEntryAnchorRedirects(entry)} pageSlug={entry.slug} />
      <nav aria-label="Breadcrumb" className="mb-4 text-sm text-zinc-600 dark:text-zinc-400">
        <Link href={catalogueUrl()} className="hover:underline">Troubleshooting</Link>
        {area && (
          <>
            {" / "}
            <Link href={catalogueUrl(entry.slug)} className="hover:underline">{area.title}</Link>
          </>
        )}
      </nav>
      <EntryArticle entry={entry} origin={getSiteOrigin()} />
      {entry.widgets.length > 0 && (
        <section aria-labelledby="check-live-title" className="mt-10">
          <h2 id="check-live-title" className="text-xl font-semibold">Check it live</h2>
          {entry.widgets.map((id) => (
            <WidgetSlot key={id} id={id} variant="embedded" />
          ))}
        </section>
      )}
      {related.length > 0 && (
        <aside aria-labelledby="related-title" className="mt-10 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
          <h2 id="related-title" className="font-semibold">Often confused with</h2>
          <ul className="mt-2 space-y-1">
            {related.map((other) => (
              <li key={other.slug}>
                <Link href={entryUrl(other.slug)} className="text-link">{other.title}</Link>
                <span className="text-sm text-zinc-600 dark:text-zinc-400"> — {other.summary}</span>
              </li>
            ))}
          </ul>
        </aside>
      )}
    </>
  );
}
