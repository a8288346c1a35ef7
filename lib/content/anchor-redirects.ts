// Old fragments → current anchors, for links that reach a page with a retired slug or cause id in
// their `#…` (the server never sees the fragment, so the browser rewrites it). Pure and
// browser-safe: the server builds the table, a small client component applies it.
import type { Entry } from "./entry";
import { causeAnchor, entryAnchor } from "../urls";

export type AnchorRedirects = {
  /** Retired slug → current slug. */
  entries: Record<string, string>;
  /** Current slug → cause id as linked (retired, or on an entry page also current) → current cause id. */
  causes: Record<string, Record<string, string>>;
};

type RedirectEntry = Pick<Entry, "slug" | "aliases"> & { causes: ReadonlyArray<Pick<Entry["causes"][number], "id" | "aliases">> };

function causeAliases(entry: RedirectEntry, includeCurrent: boolean): Record<string, string> {
  const map: Record<string, string> = {};
  for (const cause of entry.causes) {
    if (includeCurrent) map[cause.id] = cause.id;
    for (const alias of cause.aliases) map[alias] = cause.id;
  }
  return map;
}

/** For the one-page catalogue: every retired slug, and the retired cause ids of each entry that has some. */
export function buildCatalogueAnchorRedirects(entries: readonly RedirectEntry[]): AnchorRedirects {
  const redirects: AnchorRedirects = { entries: {}, causes: {} };
  for (const entry of entries) {
    for (const alias of entry.aliases) redirects.entries[alias] = entry.slug;
    const causes = causeAliases(entry, false);
    if (Object.keys(causes).length > 0) redirects.causes[entry.slug] = causes;
  }
  return redirects;
}

/**
 * For one entry's page: its retired slugs (a 308 from `/troubleshooting/<alias>` keeps the
 * fragment) and all its cause ids, so a bare `#<cause-id>` lands too.
 */
export function buildEntryAnchorRedirects(entry: RedirectEntry): AnchorRedirects {
  return {
    entries: Object.fromEntries(entry.aliases.map((alias) => [alias, entry.slug])),
    causes: { [entry.slug]: causeAliases(entry, true) },
  };
}

/** `record[key]` only when the table has it (a fragment like `#constructor` must not reach the prototype). */
function lookup<T>(record: Record<string, T> | undefined, key: string): T | undefined {
  return record && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** `location.hash` → the fragment it names, decoded; empty when there is none or it is malformed. */
export function parseFragment(hash: string): string {
  const raw = hash.startsWith("#") ? hash.slice(1) : hash;
  try {
    return decodeURIComponent(raw);
  } catch {
    return "";
  }
}

/**
 * The current anchor for `fragment`, or undefined when it needs no rewrite (already current, or
 * unknown). Slugs and cause ids are kebab-case, so the first `--` separates the two. `pageSlug`
 * is the entry whose page this is; without it the fragment is read as on the catalogue.
 */
export function resolveFragment(fragment: string, redirects: AnchorRedirects, pageSlug?: string): string | undefined {
  const separator = fragment.indexOf("--");
  let next: string | undefined;
  if (separator > 0) {
    const linkedSlug = fragment.slice(0, separator);
    const linkedCause = fragment.slice(separator + 2);
    const slug = lookup(redirects.entries, linkedSlug) ?? linkedSlug;
    next = causeAnchor(slug, lookup(lookup(redirects.causes, slug), linkedCause) ?? linkedCause);
  } else if (pageSlug) {
    const cause = lookup(lookup(redirects.causes, pageSlug), fragment);
    next = cause ? causeAnchor(pageSlug, cause) : undefined;
  } else {
    const slug = lookup(redirects.entries, fragment);
    next = slug ? entryAnchor(slug) : undefined;
  }
  return next !== undefined && next !== fragment ? next : undefined;
}
