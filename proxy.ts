// Runs before routing, only for entry and code URLs. A wrongly cased link goes to its canonical URL
// with a permanent redirect (308), so links pasted into tickets keep working. An entry URL asked
// for with `Accept: text/markdown` answers the entry's Markdown (lib/accept.ts decides).
import { NextResponse, type NextRequest } from "next/server";
import { prefersMarkdown } from "@/lib/accept";
import { canonicalRedirect } from "@/lib/canonical-path";
import { getCodeReference } from "@/lib/codes/reference";
import { entryMarkdownUrl, parseEntryLink } from "@/lib/urls";

export function proxy(request: NextRequest): NextResponse {
  const { pathname } = request.nextUrl;
  const target = canonicalRedirect(pathname, getCodeReference());
  if (target !== undefined) {
    const url = request.nextUrl.clone();
    url.pathname = target;
    return NextResponse.redirect(url, 308);
  }
  const entry = parseEntryLink(pathname);
  if (!entry) return NextResponse.next();
  // The Markdown answer says `Vary: Accept` (its route sets it). The HTML one cannot: Next 16 sets
  // an App Router page's Vary itself, replacing any value from here or next.config.mjs. A shared
  // cache therefore never hands Markdown to a browser, but may hand a stored page to an agent.
  if (!prefersMarkdown(request.headers.get("accept"))) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = entryMarkdownUrl(entry.slug);
  return NextResponse.rewrite(url);
}

export const config = {
  matcher: ["/troubleshooting/:slug", "/codes/:code"],
};
