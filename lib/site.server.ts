import "server-only";

/**
 * The public origin used in absolute URLs (exports, sitemap). Set SITE_URL at build time for a
 * deployment; it defaults to the local server.
 */
export function getSiteOrigin(): string {
  const configured = process.env.SITE_URL?.trim();
  if (!configured) return "http://localhost:3000";
  try {
    return new URL(configured).origin;
  } catch {
    throw new Error(`SITE_URL="${configured}" is not a URL: set it to the site's origin, e.g. https://fixbook.example.com`);
  }
}
