import type { MetadataRoute } from "next";
import { getCatalogue } from "@/lib/content/catalogue.server";
import { getSiteOrigin } from "@/lib/site.server";
import { absoluteUrl, catalogueUrl, codesUrl, entryUrl } from "@/lib/urls";

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const origin = getSiteOrigin();
  const catalogue = await getCatalogue();
  return [
    { url: absoluteUrl("/", origin) },
    { url: absoluteUrl(catalogueUrl(), origin) },
    { url: absoluteUrl(codesUrl(), origin) },
    ...catalogue.entries.map((entry) => ({ url: absoluteUrl(entryUrl(entry.slug), origin), lastModified: entry.updated })),
  ];
}
