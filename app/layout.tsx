import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { SearchLauncher } from "@/components/search/search-launcher";
import { CopyHandler } from "@/components/ui/copy-handler";
import { SiteHeader } from "@/components/ui/site-header";
import { ThemeScript } from "@/components/ui/theme-script";
import { getCatalogue } from "@/lib/content/catalogue.server";
import { siteTitle } from "@/lib/export/markdown";
import { getSiteOrigin } from "@/lib/site.server";
import "./globals.css";

const defaultTitle = "OIDC FixBook: OAuth and OpenID Connect troubleshooting";
const defaultDescription = "Paste an OAuth 2.0 or OpenID Connect error and find the cause and the fix.";

// Pages give site-relative canonical and OpenGraph URLs (lib/page-metadata.ts); this base makes them absolute.
export const metadata: Metadata = {
  metadataBase: new URL(getSiteOrigin()),
  title: { default: defaultTitle, template: `%s · ${siteTitle}` },
  description: defaultDescription,
  openGraph: { title: defaultTitle, description: defaultDescription, siteName: siteTitle, type: "website", locale: "en" },
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#09090b" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const catalogue = await getCatalogue();
  const areas = catalogue.areas.map(({ id, title }) => ({ id, title }));
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <ThemeScript />
      </head>
      <body className="min-h-screen bg-white font-sans text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 dark:focus:bg-zinc-900">
          Skip to content
        </a>
        <SiteHeader search={<SearchLauncher areas={areas} />} />
        <main id="main" className="mx-auto max-w-5xl px-4 py-8">
          {children}
        </main>
        <footer className="border-t border-zinc-200 py-6 text-center text-xs text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
          Demo data and keys on this site are for local testing only.
        </footer>
        <CopyHandler />
      </body>
    </html>
  );
}
