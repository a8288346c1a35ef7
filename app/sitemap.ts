import type { MetadataRoute } from "next";
import { getCatalogue } from "@/lib/content/catalogue.server";
import { diagnosticTools } from "@/lib/diagnostics/tools";
import { getSiteOrigin } from "@/lib/site.server";
import { absoluteUrl, catalogueUrl, codesUrl, entryUrl, toolUrl } from "@/lib/urls";

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const origin = getSiteOrigin();
  const catalogue = await getCatalogue();
  return [
    { url: absoluteUrl("/", origin) },
    { url: absoluteUrl(catalogueUrl(), origin) },
    { url: absoluteUrl(codesUrl(), origin) },
    { url: absoluteUrl(toolUrl(), origin) },
    // Tools not built yet have a placeholder page, not worth indexing.
    ...diagnosticTools.filter((tool) => tool.available).map((tool) => ({ url: absoluteUrl(toolUrl(tool.id), origin) })),
    ...catalogue.entries.map((entry) => ({ url: absoluteUrl(entryUrl(entry.slug), origin), lastModified: entry.updated })),
  ];
}
