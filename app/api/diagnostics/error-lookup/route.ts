import { serveDiagnostic } from "@/lib/net/diagnostics-route.server";

export function GET(request: Request): Promise<Response> {
  return serveDiagnostic(request, "error-lookup");
}

export function POST(request: Request): Promise<Response> {
  return serveDiagnostic(request, "error-lookup");
}
