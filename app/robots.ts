import type { MetadataRoute } from "next";
import { getSiteOrigin } from "@/lib/site.server";

export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: "*", allow: "/", disallow: ["/api/", "/mock-idp/"] },
    sitemap: `${getSiteOrigin()}/sitemap.xml`,
  };
}
