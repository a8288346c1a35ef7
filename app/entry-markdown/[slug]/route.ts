// Serves /troubleshooting/<slug>.md (rewritten here by next.config.mjs).
import { getCatalogue } from "@/lib/content/catalogue.server";
import { entryToMarkdown } from "@/lib/export/markdown";
import { getSiteOrigin } from "@/lib/site.server";

export const dynamicParams = false;

export async function generateStaticParams() {
  return (await getCatalogue()).entries.map((entry) => ({ slug: entry.slug }));
}

export async function GET(_request: Request, { params }: RouteContext<"/entry-markdown/[slug]">) {
  const { slug } = await params;
  const entry = (await getCatalogue()).bySlug.get(slug);
  if (!entry) {
    return Response.json({ error: "not_found", message: `No entry "${slug}". See /llms.txt for the list.` }, { status: 404 });
  }
  return new Response(entryToMarkdown(entry, getSiteOrigin()), {
    headers: { "Content-Type": "text/markdown; charset=utf-8" },
  });
}
