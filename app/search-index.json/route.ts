import { getSearchIndex } from "@/lib/search/index.server";

// Prebuilt at build time; the search dialog fetches it on first open, so it is not in any page's JS.
export const dynamic = "force-static";

export async function GET(): Promise<Response> {
  return Response.json(await getSearchIndex());
}
