import "server-only";
import { getSiteOrigin } from "@/lib/site.server";
import { buildServerCard } from "./card";

/** The server card answer, the same at every discovery path. */
export function serveServerCard(): Response {
  return Response.json(buildServerCard(getSiteOrigin()), { headers: { "cache-control": "public, max-age=3600" } });
}
