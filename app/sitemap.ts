import type { MetadataRoute } from "next";
import { getCatalogue } from "@/lib/content/catalogue.server";
import { messagesByLibrary } from "@/lib/content/libraries";
import { getLibraries } from "@/lib/content/libraries.server";
import { diagnosticTools } from "@/lib/diagnostics/tools";
import { getSiteOrigin } from "@/lib/site.server";
import { absoluteUrl, catalogueUrl, codesUrl, entryUrl, librariesUrl, libraryUrl, toolUrl } from "@/lib/urls";

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const origin = getSiteOrigin();
  const catalogue = await getCatalogue();
  return [
    { url: absoluteUrl("/", origin) },
    { url: absoluteUrl(catalogueUrl(), origin) },
    { url: absoluteUrl(codesUrl(), origin) },
    { url: absoluteUrl(toolUrl(), origin) },
    { url: absoluteUrl(librariesUrl(), origin) },
    ...messagesByLibrary(getLibraries(), catalogue.entries)
      .filter((item) => item.messages.length > 0)
      .map(({ library }) => ({ url: absoluteUrl(libraryUrl(library.id), origin) })),
    // Tools not built yet have a placeholder page, not worth indexing.
    ...diagnosticTools.filter((tool) => tool.available).map((tool) => ({ url: absoluteUrl(toolUrl(tool.id), origin) })),
    ...catalogue.entries.map((entry) => ({ url: absoluteUrl(entryUrl(entry.slug), origin), lastModified: entry.updated })),
  ];
}
