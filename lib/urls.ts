// Every URL and anchor the site emits. Components and routes build links only through these.

export function entryAnchor(slug: string): string {
  return slug;
}

export function causeAnchor(slug: string, causeId: string): string {
  return `${slug}--${causeId}`;
}

export function entryUrl(slug: string): string {
  return `/troubleshooting/${slug}`;
}

export function causeUrl(slug: string, causeId: string): string {
  return `${entryUrl(slug)}#${causeAnchor(slug, causeId)}`;
}

/** The entry's place on the one-page catalogue. */
export function catalogueUrl(slug?: string): string {
  return slug ? `/troubleshooting#${entryAnchor(slug)}` : "/troubleshooting";
}

export function catalogueSearchUrl(query: string): string {
  return `/troubleshooting?q=${encodeURIComponent(query)}`;
}

export function entryMarkdownUrl(slug: string): string {
  return `${entryUrl(slug)}.md`;
}

export function areaAnchor(areaId: string): string {
  return `area-${areaId}`;
}

export function codesUrl(): string {
  return "/codes";
}

export function codeUrl(code: string): string {
  return `/codes/${encodeURIComponent(code)}`;
}

export function toolUrl(tool?: string): string {
  return tool ? `/tools/${tool}` : "/tools";
}

/** Makes a site path absolute for exports that leave the site (llms.txt, sitemap). */
export function absoluteUrl(path: string, origin: string): string {
  return new URL(path, origin).toString();
}
