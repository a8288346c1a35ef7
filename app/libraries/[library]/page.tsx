import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { LibraryMessageList } from "@/components/libraries/library-messages";
import { CatalogueFilter } from "@/components/search/catalogue-filter";
import { getCatalogue } from "@/lib/content/catalogue.server";
import { messagesByLibrary, stackLabels } from "@/lib/content/libraries";
import { getLibraries } from "@/lib/content/libraries.server";
import { buildPageMetadata } from "@/lib/page-metadata";
import { librariesUrl, libraryUrl } from "@/lib/urls";

export const dynamicParams = false;

async function withMessages() {
  return messagesByLibrary(getLibraries(), (await getCatalogue()).entries).filter((item) => item.messages.length > 0);
}

export async function generateStaticParams() {
  return (await withMessages()).map(({ library }) => ({ library: library.id }));
}

export async function generateMetadata({ params }: PageProps<"/libraries/[library]">): Promise<Metadata> {
  const { library: id } = await params;
  const found = (await withMessages()).find((item) => item.library.id === id);
  if (!found) return {};
  return buildPageMetadata({
    title: `${found.library.name} error messages`,
    description: `The ${found.messages.length} ${found.library.name} messages the catalogue explains, each linked to its fix.`,
    path: libraryUrl(found.library.id),
  });
}

export default async function LibraryPage({ params }: PageProps<"/libraries/[library]">) {
  const { library: id } = await params;
  const found = (await withMessages()).find((item) => item.library.id === id);
  if (!found) notFound();
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-4 text-sm text-zinc-600 dark:text-zinc-400">
        <Link href={librariesUrl()} className="hover:underline">Libraries</Link> / {stackLabels[found.library.stack]}
      </nav>
      <h1 className="text-3xl font-bold tracking-tight">{found.library.name}</h1>
      <p className="mt-3 text-zinc-700 dark:text-zinc-300">
        {found.messages.length} {found.messages.length === 1 ? "message" : "messages"} the catalogue explains, as {found.library.name} prints them.
      </p>
      <CatalogueFilter
        slugs={[...new Set(found.messages.map((message) => message.slug))]}
        library={found.library.id}
        label={`Paste what ${found.library.name} printed`}
      />
      <LibraryMessageList messages={found.messages} />
    </>
  );
}
