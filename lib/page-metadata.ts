// The metadata every page states about itself: title, description, canonical URL, OpenGraph,
// and (for entries) the Markdown alternate. Paths are site-relative here; the layout's
// `metadataBase` (from SITE_URL) makes them absolute, so one setting drives every URL.
import type { Metadata } from "next";
import { siteTitle } from "./export/markdown";

export type PageMetadataInput = {
  /** The page's own title; the layout's template appends the site name unless `absoluteTitle`. */
  title: string;
  absoluteTitle?: boolean;
  description: string;
  /** The canonical site path, e.g. `/troubleshooting/invalid-client`. */
  path: string;
  /** The same content as Markdown (`<link rel="alternate" type="text/markdown">`). */
  markdownPath?: string;
  type?: "website" | "article";
};

export function buildPageMetadata({ title, absoluteTitle = false, description, path, markdownPath, type = "website" }: PageMetadataInput): Metadata {
  return {
    title: absoluteTitle ? { absolute: title } : title,
    description,
    alternates: { canonical: path, ...(markdownPath ? { types: { "text/markdown": markdownPath } } : {}) },
    openGraph: { title, description, url: path, siteName: siteTitle, type, locale: "en" },
    twitter: { card: "summary", title, description },
  };
}
