import { searchIndex } from "@/lib/search/index";
import { getSearchIndex } from "@/lib/search/index.server";
import { parseSearchParams, parseSearchRequest, toSearchApiResponse, type ParseSearchRequestResult } from "@/lib/search/request";

// POST takes the same fields as JSON or a form, for pastes too long for a URL.
const maxBodyBytes = 64 * 1024;

async function respond(parsed: ParseSearchRequestResult): Promise<Response> {
  if (!parsed.ok) return Response.json(parsed.error, { status: 400 });
  try {
    const index = await getSearchIndex();
    return Response.json(toSearchApiResponse(searchIndex(index, parsed.request.query, { limit: parsed.request.limit })));
  } catch (error) {
    // Content problems fail the build, so this only happens if the catalogue cannot be read at run
    // time (files removed or unreadable after the build): a server-side fault, logged for the operator.
    console.error("search: the catalogue could not be loaded:", error);
    return Response.json(
      { error: "temporarily_unavailable", message: "Search is unavailable: the catalogue could not be read on the server. Try again later; operators: run npm run check:content." },
      { status: 503 },
    );
  }
}

export async function GET(request: Request): Promise<Response> {
  return respond(parseSearchParams(new URL(request.url).searchParams));
}

export async function POST(request: Request): Promise<Response> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  const body = declared > maxBodyBytes ? undefined : await request.text().catch(() => undefined);
  if (body === undefined || body.length > maxBodyBytes) {
    return Response.json({ error: "invalid_request", message: `The request body must be at most ${maxBodyBytes / 1024} KiB` }, { status: 400 });
  }
  if ((request.headers.get("content-type") ?? "").includes("application/json")) {
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      return Response.json({ error: "invalid_request", message: "The body is not valid JSON: send {\"q\": \"…\", \"limit\": 10}" }, { status: 400 });
    }
    if (typeof json !== "object" || json === null) return respond(parseSearchRequest({}));
    return respond(parseSearchRequest({ q: "q" in json ? json.q : undefined, limit: "limit" in json ? json.limit : undefined }));
  }
  return respond(parseSearchParams(new URLSearchParams(body)));
}
