// Serves /troubleshooting/<slug>.md (rewritten here by next.config.mjs), and the entry URL itself
// when its request prefers text/markdown (proxy.ts). A retired slug redirects to the current one.
import { getCatalogue } from "@/lib/content/catalogue.server";
import { entryToMarkdown } from "@/lib/export/markdown";
import { getSiteOrigin } from "@/lib/site.server";
import { entryMarkdownUrl } from "@/lib/urls";

export const dynamicParams = false;

export async function generateStaticParams() {
  const catalogue = await getCatalogue();
  return [...catalogue.entries.map((entry) => entry.slug), ...catalogue.aliases.keys()].map((slug) => ({ slug }));
}

export async function GET(_request: Request, { params }: RouteContext<"/entry-markdown/[slug]">) {
  const { slug } = await params;
  const catalogue = await getCatalogue();
  const target = catalogue.aliases.get(slug);
  if (target) return new Response(null, { status: 308, headers: { Location: entryMarkdownUrl(target) } });
  const entry = catalogue.bySlug.get(slug);
  if (!entry) {
    return Response.json({ error: "not_found", message: `No entry "${slug}". See /llms.txt for the list.` }, { status: 404 });
  }
  return new Response(entryToMarkdown(entry, getSiteOrigin()), {
    headers: { "Content-Type": "text/markdown; charset=utf-8", Vary: "Accept" },
  });
}
