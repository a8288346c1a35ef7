import { readCappedText } from "@/lib/http/read-capped";
import { getLibraries } from "@/lib/content/libraries.server";
import { searchIndex } from "@/lib/search/index";
import { getSearchIndex } from "@/lib/search/index.server";
import { limitSearchRequest } from "@/lib/search/rate-limit.server";
import { parseSearchParams, parseSearchRequest, toSearchApiResponse, type ParseSearchRequestResult } from "@/lib/search/request";

// POST takes the same fields as JSON or a form, for pastes too long for a URL.
const maxBodyBytes = 64 * 1024;

/** The ids `library=` accepts (content/libraries.json). */
function libraryIds(): string[] {
  return getLibraries().map((library) => library.id);
}

async function respond(parsed: ParseSearchRequestResult): Promise<Response> {
  if (!parsed.ok) return Response.json(parsed.error, { status: 400 });
  try {
    const index = await getSearchIndex();
    return Response.json(toSearchApiResponse(searchIndex(index, parsed.request.query, { limit: parsed.request.limit, library: parsed.request.library })));
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
  const limited = await limitSearchRequest(request);
  if (limited) return limited;
  return respond(parseSearchParams(new URL(request.url).searchParams, libraryIds()));
}

export async function POST(request: Request): Promise<Response> {
  const limited = await limitSearchRequest(request);
  if (limited) return limited;
  const read = await readCappedText(request, maxBodyBytes);
  if (!read.ok) {
    const status = read.reason === "too_large" ? 413 : 400;
    return Response.json({ error: read.reason === "too_large" ? "body_too_large" : "invalid_request", message: read.message }, { status });
  }
  const body = read.text;
  if ((request.headers.get("content-type") ?? "").includes("application/json")) {
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      return Response.json({ error: "invalid_request", message: "The body is not valid JSON: send {\"q\": \"…\", \"limit\": 10}" }, { status: 400 });
    }
    if (typeof json !== "object" || json === null) return respond(parseSearchRequest({}));
    return respond(
      parseSearchRequest({ q: "q" in json ? json.q : undefined, limit: "limit" in json ? json.limit : undefined, library: "library" in json ? json.library : undefined }, libraryIds()),
    );
  }
  return respond(parseSearchParams(new URLSearchParams(body), libraryIds()));
}

// Methods it does not take: 405 with Allow (it runs without proxy.ts, which would say so).
export { refuseMethod as PUT, refuseMethod as DELETE, refuseMethod as PATCH } from "@/lib/http/refuse-method";
