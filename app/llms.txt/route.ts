import { getCatalogue } from "@/lib/content/catalogue.server";
import { getCodeReference } from "@/lib/codes/reference";
import { buildLlmsFull, buildLlmsTxt } from "@/lib/export/markdown";
import { getSiteOrigin } from "@/lib/site.server";

export const dynamic = "force-static";

export async function GET() {
  const catalogue = await getCatalogue();
  const origin = getSiteOrigin();
  const { stamp } = await buildLlmsFull(catalogue, origin, { codes: getCodeReference() });
  return new Response(buildLlmsTxt(catalogue, origin, stamp), {
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
}
