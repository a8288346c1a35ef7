import { getCatalogue } from "@/lib/content/catalogue.server";
import { getCodeReference } from "@/lib/codes/reference";
import { buildLlmsFullTxt } from "@/lib/export/markdown";
import { getSiteOrigin } from "@/lib/site.server";

export const dynamic = "force-static";

export async function GET() {
  return new Response(buildLlmsFullTxt(await getCatalogue(), getSiteOrigin(), getCodeReference()), {
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
}
