// Runs before routing, only for entry and code URLs: sends a wrongly cased link to its canonical
// URL with a permanent redirect (308), so links pasted into tickets keep working.
import { NextResponse, type NextRequest } from "next/server";
import { canonicalRedirect } from "@/lib/canonical-path";
import { getCodeReference } from "@/lib/codes/reference";

export function proxy(request: NextRequest): NextResponse {
  const target = canonicalRedirect(request.nextUrl.pathname, getCodeReference());
  if (target === undefined) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = target;
  return NextResponse.redirect(url, 308);
}

export const config = {
  matcher: ["/troubleshooting/:slug", "/codes/:code"],
};
