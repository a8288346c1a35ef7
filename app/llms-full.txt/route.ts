import { getCatalogue } from "@/lib/content/catalogue.server";
import { getCodeReference } from "@/lib/codes/reference";
import { buildLlmsFull } from "@/lib/export/markdown";
import { getSiteOrigin } from "@/lib/site.server";

export const dynamic = "force-static";

export async function GET() {
  const { text, stamp } = await buildLlmsFull(await getCatalogue(), getSiteOrigin(), { codes: getCodeReference() });
  return new Response(text, {
    headers: { "Content-Type": "text/plain; charset=utf-8", ETag: `"${stamp.sha256}"` },
  });
}
