import { parseProviderPrecedenceQuery, resolveProviderPrecedence } from "@/lib/diagnostics/provider-precedence";

export function GET(request: Request): Response {
  const parsed = parseProviderPrecedenceQuery(new URL(request.url).searchParams);
  if (!parsed.ok) return Response.json(parsed.error, { status: 400 });
  return Response.json(resolveProviderPrecedence(parsed.input));
}
