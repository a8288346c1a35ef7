import { getCatalogue } from "@/lib/content/catalogue.server";
import { toEntriesJson } from "@/lib/content/to-json";

export const dynamic = "force-static";

export async function GET() {
  return Response.json(toEntriesJson(await getCatalogue()));
}
