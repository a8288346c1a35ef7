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

export function librariesUrl(): string {
  return "/libraries";
}

export function libraryUrl(id: string): string {
  return `/libraries/${id}`;
}

/** A tool's page; `input` (e.g. `{ issuer }`) pre-fills and runs it. */
export function toolUrl(tool?: string, input: QueryInput = {}): string {
  return withQuery(tool ? `/tools/${tool}` : "/tools", input);
}

/** A diagnostics API call, e.g. `/api/diagnostics/discovery?issuer=…`. */
export function diagnosticsApiUrl(tool: string, input: QueryInput = {}): string {
  return withQuery(`/api/diagnostics/${tool}`, input);
}

/** Query parameters; empty and undefined values are left out, a list repeats its key. */
export type QueryInput = Readonly<Record<string, string | readonly string[] | undefined>>;

/** `path` with `input` as its query string, keys in the order given (so equal input, equal URL). */
export function withQuery(path: string, input: QueryInput): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(input)) {
    for (const item of typeof value === "string" || value === undefined ? [value] : value) if (item) params.append(key, item);
  }
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

/** The inverse of `causeUrl` (and `entryUrl`): which entry, and which cause, a site link points at. */
export function parseEntryLink(link: string): { slug: string; causeId?: string } | undefined {
  const match = /^\/troubleshooting\/([a-z0-9-]+)(?:#([a-z0-9-]+))?$/.exec(link);
  const slug = match?.[1];
  if (!slug) return undefined;
  const anchor = match[2];
  const prefix = causeAnchor(slug, "");
  return anchor?.startsWith(prefix) && anchor.length > prefix.length ? { slug, causeId: anchor.slice(prefix.length) } : { slug };
}

/** Makes a site path absolute for exports that leave the site (llms.txt, sitemap). */
export function absoluteUrl(path: string, origin: string): string {
  return new URL(path, origin).toString();
}
